using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// A malformed optional timestamp, duration or date does not throw away its page: the property reads null, the raw
/// value is kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged, and every other
/// item of the page reads as usual.
/// </summary>
public sealed class UnreadableValueTests : IDisposable
{
    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private void Serve(string path, string body) =>
        _service.Server.Given(Request.Create().UsingGet().WithPath(path))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task GetAttempts_APageOf100_WithOneBadDurationAndOneBadTimestamp_ReadsAll100()
    {
        string[] attempts = Enumerable.Range(1, 100).Select(i => i switch
        {
            37 => """{"id":"37","job_name":"j","started_at":1767225600,"compute_duration":"about an hour"}""",
            64 => """{"id":"64","job_name":"j","started_at":"yesterday","ended_at":1767229200,"compute_duration":"PT1H"}""",
            _ => $$"""{"id":"{{i}}","job_name":"j","started_at":1767225600,"compute_duration":"PT1H"}""",
        }).ToArray();
        Serve("/api/projects/p/training_jobs/j/attempts", $$"""{"data":[{{string.Join(",", attempts)}}],"first_id":"1","last_id":"100","has_more":false}""");
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential("t"), options);

        List<JobAttempt> read = await client.GetAttemptsAsync("j").ToListAsync();
        List<JobAttempt> readSync = client.GetAttempts("j").ToList();

        foreach (List<JobAttempt> page in new[] { read, readSync })
        {
            page.Select(a => a.Id).Should().Equal(Enumerable.Range(1, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            page.Where(a => a.Id is not ("37" or "64")).Should().OnlyContain(a => a.ComputeDuration == TimeSpan.FromHours(1) && a.AdditionalProperties.Count == 0);

            JobAttempt badDuration = page[36];
            badDuration.ComputeDuration.Should().BeNull();
            badDuration.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
            badDuration.AdditionalProperties["compute_duration"].GetString().Should().Be("about an hour");
            JsonAssert.Equivalent(attempts[36], FoundryTrainingSerializer.Serialize(badDuration));

            JobAttempt badTimestamp = page[63];
            badTimestamp.StartedAt.Should().BeNull();
            badTimestamp.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
            badTimestamp.AdditionalProperties["started_at"].GetString().Should().Be("yesterday");
            JsonAssert.Equivalent(attempts[63], FoundryTrainingSerializer.Serialize(badTimestamp));
        }
    }

    [Fact]
    public async Task GetJobs_FineTuning_APageOf100_WithBadTimestamps_ReadsAll100()
    {
        static string Job(int i, string createdAt = "1646126127", string extra = "") =>
            $$"""{"object":"fine_tuning.job","id":"ft-{{i}}","model":"m","training_file":"f","status":"running","created_at":{{createdAt}}{{extra}}}""";
        string[] jobs = Enumerable.Range(1, 100).Select(i => i switch
        {
            3 => Job(i, createdAt: "\"2022-03-01 09:15\""),
            50 => Job(i, extra: ""","estimated_finish":{"eta":"soon"}"""),
            99 => Job(i, createdAt: "1e400"),
            _ => Job(i),
        }).ToArray();
        Serve("/openai/fine_tuning/jobs", $$"""{"object":"list","data":[{{string.Join(",", jobs)}}],"has_more":false}""");
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), options);

        List<FineTuningJob> read = await client.GetJobsAsync().ToListAsync();

        read.Should().HaveCount(100);
        read.Where(j => j.Id is not ("ft-3" or "ft-50" or "ft-99")).Should().OnlyContain(j => j.CreatedAt == DateTimeOffset.FromUnixTimeSeconds(1646126127) && j.AdditionalProperties.Count == 0);
        read[2].CreatedAt.Should().Be(new DateTimeOffset(2022, 3, 1, 9, 15, 0, TimeSpan.Zero), "an ISO 8601 string is still read leniently");
        read[49].EstimatedFinish.Should().BeNull();
        read[49].AdditionalProperties["estimated_finish"].GetRawText().Should().Be("""{"eta":"soon"}""");
        read[98].CreatedAt.Should().BeNull();
        read[98].AdditionalProperties["created_at"].GetRawText().Should().Be("1e400");
        foreach (int i in new[] { 49, 98 })
        {
            JsonAssert.Equivalent(jobs[i], FoundryTrainingSerializer.Serialize(read[i]));
        }
    }

    [Fact]
    public void Model_WithABadShutdownDate_KeepsIt_AndABadTimeoutIsReplacedWhenSet()
    {
        FineTuningModel model = FoundryTrainingSerializer.Deserialize<FineTuningModel>("""{"id":"m","object":"model","created":1,"owned_by":"o","shutdown_date":"next year"}""")!;
        model.ShutdownDate.Should().BeNull();
        model.AdditionalProperties["shutdown_date"].GetString().Should().Be("next year");

        CommandJob job = (CommandJob)FoundryTrainingSerializer.Deserialize<JobProperties>("""{"job_type":"command","compute_id":"c","limits":{"job_limits_type":"command","timeout":"2 hours"}}""")!;
        job.Limits!.Timeout.Should().BeNull();
        JsonAssert.Equivalent("""{"job_limits_type":"command","timeout":"2 hours"}""", FoundryTrainingSerializer.Serialize(job.Limits));

        job.Limits.Timeout = TimeSpan.FromHours(2);

        job.Limits.AdditionalProperties.Should().NotContainKey("timeout");
        JsonAssert.Equivalent("""{"job_limits_type":"command","timeout":"PT2H"}""", FoundryTrainingSerializer.Serialize(job.Limits));
    }

    [Fact]
    public void NoModelWithAnOptionalScalar_ContainsAModelOfItsOwnType()
    {
        // UnreadableValues hands a value to the innermost object of its type being read: that is only its owner if no
        // such type can contain itself.
        JsonSerializerOptions options = FoundryTrainingSerializer.Options;
        var owners = Properties.Generators.ModelJson.ModelTypes
            .Where(t => options.GetTypeInfo(t).Properties.Any(p => p.CustomConverter is not null && p.CustomConverter.GetType().DeclaringType?.Name == "OptionalScalarConverter`1"))
            .ToList();
        owners.Should().Contain(new[] { typeof(JobAttempt), typeof(FineTuningJob), typeof(SystemData), typeof(CommandJobLimits), typeof(FineTuningModel) });

        foreach (Type owner in owners)
        {
            Reachable(owner, options).Should().NotContain(owner, $"{owner.Name} must not contain a {owner.Name}");
        }
    }

    private static HashSet<Type> Reachable(Type root, JsonSerializerOptions options)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(Children(root, options));
        while (pending.Count > 0)
        {
            Type type = pending.Pop();
            if (seen.Add(type))
            {
                foreach (Type child in Children(type, options))
                {
                    pending.Push(child);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Children(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo info = options.GetTypeInfo(type);
        IEnumerable<Type> direct = info.Kind switch
        {
            JsonTypeInfoKind.Object => info.Properties.Select(p => p.PropertyType),
            JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType is null ? Array.Empty<Type>() : new[] { info.ElementType },
            _ => Array.Empty<Type>(),
        };
        foreach (Type child in direct.Select(t => Nullable.GetUnderlyingType(t) ?? t))
        {
            if (child.Assembly == typeof(ExtensibleModel).Assembly || child.IsGenericType)
            {
                yield return child;
                foreach (JsonDerivedType derived in options.GetTypeInfo(child).PolymorphismOptions?.DerivedTypes ?? Array.Empty<JsonDerivedType>())
                {
                    yield return derived.DerivedType;
                }
            }
        }
    }
}
