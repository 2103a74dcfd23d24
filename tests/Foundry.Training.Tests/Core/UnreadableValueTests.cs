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
/// A malformed timestamp, duration or date, a URI <see cref="Uri"/> rejects, or an open enum that is not a string does
/// not throw away its page: the property reads as no value, the raw value is kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged, and every other item of the page reads
/// as usual.
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

        // The value set wins when written; what the service sent stays readable until then, and after.
        JsonAssert.Equivalent("""{"job_limits_type":"command","timeout":"PT2H"}""", FoundryTrainingSerializer.Serialize(job.Limits));
        CountOf("timeout", FoundryTrainingSerializer.Serialize(job.Limits)).Should().Be(1);
        job.Limits.AdditionalProperties["timeout"].GetString().Should().Be("2 hours");
    }

    [Fact]
    public async Task GetArtifactContentInfos_APageWithOneUriSystemUriRejects_ReadsEveryItem_AndKeepsTheBadOne()
    {
        // RFC 3986 allows a comma in a host (a sub-delim); System.Uri does not. Prism's generator writes such hosts.
        string[] items =
        {
            """{"path":"a.bin","content_uri":"https://storage.example.com/c/a.bin?sig=1","content_type":"application/octet-stream","expires_at":1767229200}""",
            """{"path":"b.bin","content_uri":"https://TUn.cythot,rt7VU2.example/c/b.bin?sig=2","content_type":"application/octet-stream"}""",
            """{"path":"c.bin","content_uri":7}""",
            """{"path":"d.bin","content_uri":"https://storage.example.com/c/d.bin?sig=4"}""",
        };
        Serve("/api/projects/p/training_jobs/j/attempts/1/artifacts/content_info_by_prefix", $$"""{"data":[{{string.Join(",", items)}}],"has_more":false}""");
        TrainingJobsClient client = JobsClient();

        foreach (List<JobArtifactContentInfo> page in new[] { await client.GetArtifactContentInfosAsync("j", "1").ToListAsync(), client.GetArtifactContentInfos("j", "1").ToList() })
        {
            page.Select(i => i.Path).Should().Equal("a.bin", "b.bin", "c.bin", "d.bin");
            page[0].ContentUri.Should().Be(new Uri("https://storage.example.com/c/a.bin?sig=1"));
            page[0].ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
            page[0].AdditionalProperties.Should().BeEmpty();
            page[1].ContentUri.Should().BeNull();
            page[1].ContentType.Should().Be("application/octet-stream");
            page[1].AdditionalProperties["content_uri"].GetString().Should().Be("https://TUn.cythot,rt7VU2.example/c/b.bin?sig=2");
            page[2].ContentUri.Should().BeNull();
            page[2].AdditionalProperties["content_uri"].GetRawText().Should().Be("7");
            page[3].ContentUri.Should().Be(new Uri("https://storage.example.com/c/d.bin?sig=4"));
            for (int i = 0; i < items.Length; i++)
            {
                JsonAssert.Equivalent(items[i], FoundryTrainingSerializer.Serialize(page[i]));
            }
        }
    }

    [Fact]
    public async Task GetArtifactContentInfo_WithAUriSystemUriRejects_ReadsTheRest()
    {
        Serve("/api/projects/p/training_jobs/j/attempts/1/artifacts/content_info", """{"path":"b.bin","content_uri":"https://a,b.example/b.bin","content_type":"text/plain"}""");

        JobArtifactContentInfo info = (await JobsClient().GetArtifactContentInfoAsync("j", "1", "b.bin")).Value;

        info.Path.Should().Be("b.bin");
        info.ContentType.Should().Be("text/plain");
        info.ContentUri.Should().BeNull();
        info.AdditionalProperties["content_uri"].GetString().Should().Be("https://a,b.example/b.bin");
    }

    [Fact]
    public async Task GetNodeServices_WithOneEndpointSystemUriRejects_ReadsEveryService()
    {
        const string Body = """{"services":{"studio":{"type":"Studio","endpoint":"https://studio.example.com/j","status":"Running"},"tracking":{"type":"Tracking","endpoint":"https://TUn.cythot,rt7VU2.example/t","port":443}}}""";
        Serve("/api/projects/p/training_jobs/j/nodes/0/services", Body);

        TrainingJobServiceCollection services = (await JobsClient().GetNodeServicesAsync("j", 0)).Value;

        services.Services["studio"].Endpoint.Should().Be(new Uri("https://studio.example.com/j"));
        services.Services["tracking"].Endpoint.Should().BeNull();
        services.Services["tracking"].Port.Should().Be(443);
        services.Services["tracking"].AdditionalProperties["endpoint"].GetString().Should().Be("https://TUn.cythot,rt7VU2.example/t");
        JsonAssert.Equivalent(Body, FoundryTrainingSerializer.Serialize(services));
    }

    [Fact]
    public async Task GetJobs_FineTuning_AnOpenEnumThatIsNotAString_ReadsAsNoValue_AndIsKept()
    {
        // A service that writes its enums as numbers ("status": 7) must not cost the page.
        string[] jobs =
        {
            """{"object":"fine_tuning.job","id":"ft-1","model":"m","training_file":"f","status":"running","created_at":1646126127}""",
            """{"object":"fine_tuning.job","id":"ft-2","model":"m","training_file":"f","status":7,"created_at":1646126127}""",
            """{"object":"fine_tuning.job","id":"ft-3","model":"m","training_file":"f","status":{"state":"running"},"created_at":1646126127}""",
        };
        Serve("/openai/fine_tuning/jobs", $$"""{"object":"list","data":[{{string.Join(",", jobs)}}],"has_more":false}""");
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), options);

        List<FineTuningJob> read = await client.GetJobsAsync().ToListAsync();

        read.Select(j => j.Id).Should().Equal("ft-1", "ft-2", "ft-3");
        read[0].Status.Should().Be(FineTuningState.Running);
        read[1].Status.Should().BeNull();
        read[1].AdditionalProperties["status"].GetRawText().Should().Be("7");
        read[2].Status.Should().BeNull();
        for (int i = 0; i < jobs.Length; i++)
        {
            JsonAssert.Equivalent(jobs[i], FoundryTrainingSerializer.Serialize(read[i]));
        }
    }

    [Fact]
    public void ANonNullableOpenEnum_ReadsItsDefault_AndIsWrittenBackOnce()
    {
        const string Json = """{"path":"a","type":7,"size":1}""";

        JobArtifact artifact = FoundryTrainingSerializer.Deserialize<JobArtifact>(Json)!;

        artifact.Type.Should().Be(default(JobArtifactType));
        artifact.Size.Should().Be(1);
        string written = FoundryTrainingSerializer.Serialize(artifact);
        JsonAssert.Equivalent(Json, written);
        CountOf("type", written).Should().Be(1);
    }

    [Fact]
    public void AUserSettableOpenEnum_SetAfterTheRead_IsWrittenInsteadOfTheKeptValue()
    {
        var rollout = FoundryTrainingSerializer.Deserialize<TrainingRolloutConfiguration>("""{"engine":["vllm"],"tensor_parallel_size":2}""")!;
        rollout.Engine.Should().Be(default(TrainingRolloutEngine));
        JsonAssert.Equivalent("""{"engine":["vllm"],"tensor_parallel_size":2}""", FoundryTrainingSerializer.Serialize(rollout));

        rollout.Engine = TrainingRolloutEngine.Vllm;

        string written = FoundryTrainingSerializer.Serialize(rollout);
        JsonAssert.Equivalent("""{"engine":"vllm","tensor_parallel_size":2}""", written);
        CountOf("engine", written).Should().Be(1);
    }

    [Fact]
    public void ModelsThatContainThemselves_KeepEachUnreadableValueWithItsOwnObject()
    {
        // An error's details are errors, a stage's sub-stages are stages: each value goes to the object it was in.
        const string Error = """{"code":7,"message":"outer","details":[{"code":"ok","message":"inner 1"},{"code":[8],"message":"inner 2","details":[{"code":{"n":9},"message":"innermost"}]}]}""";
        FineTuningError error = FoundryTrainingSerializer.Deserialize<FineTuningError>(Error)!;

        error.Code.Should().BeNull();
        error.AdditionalProperties["code"].GetRawText().Should().Be("7");
        error.Details![0].Code.Should().Be((FineTuningErrorCode)"ok");
        error.Details[0].AdditionalProperties.Should().BeEmpty();
        error.Details[1].AdditionalProperties["code"].GetRawText().Should().Be("[8]");
        error.Details[1].Details![0].AdditionalProperties["code"].GetRawText().Should().Be("""{"n":9}""");
        JsonAssert.Equivalent(Error, FoundryTrainingSerializer.Serialize(error));

        const string Run = """{"runId":"r","status":"running","progress":{"stageProgress":[{"name":"Preprocessing","state":1,"subStageProgress":[{"name":"Crawl","state":"succeeded"},{"name":"Chunk","state":false}]},{"name":"Indexing","state":"notRunning"}]}}""";
        IngestionJobRun run = FoundryTrainingSerializer.Deserialize<IngestionJobRun>(Run)!;

        IngestionJobStageProgress preprocessing = run.Progress!.StageProgress[0];
        preprocessing.State.Should().BeNull();
        preprocessing.AdditionalProperties["state"].GetRawText().Should().Be("1");
        preprocessing.SubStageProgress![0].State.Should().Be(IngestionOperationState.Succeeded);
        preprocessing.SubStageProgress[0].AdditionalProperties.Should().BeEmpty();
        preprocessing.SubStageProgress[1].AdditionalProperties["state"].GetRawText().Should().Be("false");
        run.Progress.StageProgress[1].State.Should().Be(IngestionOperationState.NotRunning);
        JsonAssert.Equivalent(Run, FoundryTrainingSerializer.Serialize(run));
    }

    [Fact]
    public void EveryUriOpenEnumAndFormattedProperty_ReadsAnUnreadableValueAsNoValue_AndWritesItBackOnce()
    {
        JsonSerializerOptions options = FoundryTrainingSerializer.Options;
        var checkedProperties = new List<string>();
        foreach (Type type in Properties.Generators.ModelJson.ModelTypes.Where(t => !t.IsAbstract))
        {
            JsonTypeInfo info = options.GetTypeInfo(type);
            foreach (JsonPropertyInfo property in info.Properties.Where(IsLenient))
            {
                string json = $$"""{"{{property.Name}}":[7]}""";
                object model = JsonSerializer.Deserialize(json, info)!;

                object? value = property.Get!(model);
                (value is null || value.Equals(Activator.CreateInstance(property.PropertyType))).Should().BeTrue($"{type.Name}.{property.Name} reads an unreadable value as no value");
                ((ExtensibleModel)model).AdditionalProperties[property.Name].GetRawText().Should().Be("[7]", $"{type.Name}.{property.Name} keeps it");
                string written = JsonSerializer.Serialize(model, info);
                CountOf(property.Name, written).Should().Be(1, $"{type.Name}.{property.Name} is written once: {written}");
                JsonDocument.Parse(written).RootElement.GetProperty(property.Name).GetRawText().Should().Be("[7]");
                checkedProperties.Add(type.Name + "." + property.Name);
            }
        }

        checkedProperties.Should().Contain(new[]
        {
            "JobArtifactContentInfo.content_uri", "TrainingJobService.endpoint", "JobService.endpoint", "FineTuningFileImport.content_url",
            "FineTuningJob.status", "IngestionJobStageProgress.state", "FineTuningError.code", "JobArtifact.type", "JobAttempt.compute_duration",
            "JobAttempt.started_at", "FineTuningModel.shutdown_date", "CommandJobLimits.timeout",
        });
        checkedProperties.Count.Should().BeGreaterThan(80);
    }

    private static bool IsLenient(JsonPropertyInfo property) =>
        property.CustomConverter?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(LenientPropertyConverter<>);

    /// <summary>How often <paramref name="name"/> is a property name of the root object of <paramref name="json"/>.</summary>
    private static int CountOf(string name, string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().Count(p => p.Name == name);

    private TrainingJobsClient JobsClient()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        return new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential("t"), options);
    }
}
