using System.Text.RegularExpressions;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// 429 and 503 storms with <c>Retry-After</c> (seconds, HTTP date, <c>retry-after-ms</c>) for both clients: a storm
/// that passes ends in success after waiting what the service asked (capped by <c>MaxDelay</c>); a storm that outlasts
/// the retries ends in <see cref="RequestFailedException"/> carrying the last status and the service's error.
/// </summary>
public sealed class ThrottlingStormTests : IDisposable
{
    private readonly MockService _service = new();
    private readonly FaultClients _clients;

    public ThrottlingStormTests() => _clients = new FaultClients(_service.Endpoint);

    public void Dispose() => _service.Dispose();

    private static IResponseBuilder Throttled(int status, string header, string value) => Response.Create()
        .WithStatusCode(status)
        .WithHeader(header, value)
        .WithHeader("Content-Type", "application/json")
        .WithHeader("x-ms-request-id", $"req-{status}")
        .WithBody($$$"""{"error":{"code":"{{{(status == 429 ? "TooManyRequests" : "ServiceUnavailable")}}}","message":"Status {{{status}}}: slow down."}}""");

    private static IResponseBuilder Ok(FaultTarget target) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(target.Body);

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task StormThatPasses_EndsInSuccess_AfterTheRequestedWaits(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        _service.Server.RespondInTurn(
            target.Path,
            Throttled(429, "Retry-After", "2"),
            Throttled(503, "retry-after-ms", "1500"),
            Throttled(429, "Retry-After", "Tue, 01 Jan 2030 00:00:07 GMT"),
            Ok(target));

        string? id = await target.Read(_clients, async, CancellationToken.None);

        id.Should().Be(target.Id);
        _service.Requests.Should().HaveCount(4).And.OnlyContain(r => r.RequestMessage.Path == target.Path && r.RequestMessage.Method == "GET");
        _clients.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(7));
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task StormThatOutlastsTheRetries_Ends429WithTheServiceError(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        _service.Server.RespondInTurn(target.Path, Throttled(429, "Retry-After", "1"));

        Func<Task> read = () => target.Read(_clients, async, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(429);
        ex.ErrorCode.Should().Be("TooManyRequests");
        ex.Message.Should().Contain("Status 429: slow down.").And.Contain("req-429");
        _service.Requests.Should().HaveCount(FaultClients.MaxRetries + 1);
        _clients.Clock.Waits.Should().Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), FaultClients.MaxRetries));
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllNames), MemberType = typeof(FaultTarget))]
    public async Task MixedStormThatOutlastsTheRetries_EndsWithTheLastStatus(string name)
    {
        FaultTarget target = FaultTarget.Named(name);
        _service.Server.RespondInTurn(
            target.Path,
            Throttled(429, "Retry-After", "1"),
            Throttled(503, "Retry-After", "1"),
            Throttled(429, "Retry-After", "1"),
            Throttled(503, "Retry-After", "1"),
            Ok(target));

        Func<Task> read = () => target.Read(_clients, true, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(503);
        ex.ErrorCode.Should().Be("ServiceUnavailable");
        _service.Requests.Should().HaveCount(FaultClients.MaxRetries + 1, "the fifth answer (a success) is never asked for");
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllNames), MemberType = typeof(FaultTarget))]
    public async Task AServiceAskingForAnHour_IsWaitedForOnlyUpToMaxDelay(string name)
    {
        FaultTarget target = FaultTarget.Named(name);
        var clients = new FaultClients(_service.Endpoint, retry => retry.MaxDelay = TimeSpan.FromSeconds(5));
        _service.Server.RespondInTurn(target.Path, Throttled(503, "Retry-After", "3600"), Throttled(429, "retry-after-ms", "3600000"), Ok(target));

        (await target.Read(clients, true, CancellationToken.None)).Should().Be(target.Id);

        clients.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TrainingJobCreate_ThroughA503Storm_IsResentWithTheSameIdempotencyKey(bool async)
    {
        const string Path = "/api/projects/p/training_jobs";
        _service.Server.RespondInTurn(Path, Throttled(503, "Retry-After", "1"), Throttled(503, "Retry-After", "1"), Response.Create().WithStatusCode(201).WithBody("""{"name":"j1"}"""));
        var properties = new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "image" };

        TrainingJob job = async
            ? (await _clients.Jobs.CreateAsync("j1", properties)).Value
            : _clients.Jobs.Create("j1", properties).Value;

        job.Name.Should().Be("j1");
        _service.Requests.Should().HaveCount(3);
        _service.Requests.Select(r => r.RequestMessage.Headers!["Operation-Id"].Single()).Distinct().Should().ContainSingle();
        _service.Requests.Select(r => r.RequestMessage.Body).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task FineTuningCreate_ThroughA429Storm_IsResent_BecauseTheServiceRefusedBeforeDoingAnything()
    {
        _service.Server.RespondInTurn("/openai/fine_tuning/jobs", Throttled(429, "Retry-After", "3"), Throttled(429, "Retry-After", "3"), Response.Create().WithStatusCode(201).WithBody("""{"id":"ftjob-9","status":"pending"}"""));

        FineTuningJob job = (await _clients.FineTuning.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1"))).Value;

        job.Id.Should().Be("ftjob-9");
        _service.Requests.Should().HaveCount(3).And.OnlyContain(r => r.RequestMessage.Method == "POST");
        _clients.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task FineTuningCreate_FailingWith503_IsNotResent_SoNoDuplicateJobIsStarted()
    {
        _service.Server.RespondInTurn("/openai/fine_tuning/jobs", Throttled(503, "Retry-After", "1"), Response.Create().WithStatusCode(201).WithBody("""{"id":"ftjob-9"}"""));

        Func<Task> create = () => _clients.FineTuning.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1"));

        (await create.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        _service.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("TrainingJobsClient.GetJobs")]
    [InlineData("FineTuningClient.GetJobs")]
    [InlineData("FineTuningFilesClient.GetFiles")]
    public async Task AStormOnTheSecondPage_IsRetried_AndEveryItemArrivesOnce(string list)
    {
        (string path, string itemKey, Func<CancellationToken, IAsyncEnumerable<string?>> items) = list switch
        {
            "TrainingJobsClient.GetJobs" => ("/api/projects/p/training_jobs", "name", (Func<CancellationToken, IAsyncEnumerable<string?>>)(ct => _clients.Jobs.GetJobsAsync(cancellationToken: ct).Select(j => j.Name))),
            "FineTuningClient.GetJobs" => ("/openai/fine_tuning/jobs", "id", ct => _clients.FineTuning.GetJobsAsync(cancellationToken: ct).Select(j => j.Id)),
            _ => ("/openai/files", "id", ct => _clients.Files.GetFilesAsync(cancellationToken: ct).Select(f => f.Id)),
        };
        int secondPageCalls = 0;
        _service.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            bool second = request.Query?.ContainsKey("after") == true;
            if (second && Interlocked.Increment(ref secondPageCalls) <= 2)
            {
                return new WireMock.ResponseMessage { StatusCode = 429, Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Retry-After"] = new("1") } };
            }

            string[] ids = second ? new[] { "c", "d" } : new[] { "a", "b" };
            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                BodyData = new WireMock.Util.BodyData
                {
                    BodyAsString = $$"""{"object":"list","data":[{{string.Join(",", ids.Select(id => $$"""{"{{itemKey}}":"{{id}}"}"""))}}],"has_more":{{(second ? "false" : "true")}}}""",
                    DetectedBodyType = WireMock.Types.BodyType.String,
                },
            };
        }));

        List<string?> all = await items(CancellationToken.None).ToListAsync();

        all.Should().Equal("a", "b", "c", "d");
        _service.Requests.Should().HaveCount(4);
        _service.Requests.Skip(1).Should().OnlyContain(r => Regex.IsMatch(r.RequestMessage.Url, "[?&]after=b(&|$)"));
    }
}
