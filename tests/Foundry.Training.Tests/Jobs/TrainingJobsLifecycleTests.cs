using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Jobs;

/// <summary>
/// Long-running cancel that fails, polling that honours Retry-After, a create retried with its idempotency key,
/// cancellation of waits, and the bounded parallelism of bulk artifact downloads.
/// </summary>
public sealed class TrainingJobsLifecycleTests : JobsTestBase
{
    private const string Operations = "/api/projects/proj/training_jobs/operations/";
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-audit-dl-" + Guid.NewGuid().ToString("N"));

    protected override void Cleanup()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    private TrainingJobsClient ClientWith(Action<TrainingJobsClientOptions> configure)
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        configure(options);
        return new TrainingJobsClient(new Uri(Service.Endpoint, "api/projects/proj"), Credential, options);
    }

    [Fact]
    public async Task Cancel_202_InProgressThenFailed_ThrowsWithTheServiceError()
    {
        Load("cancel_lro_failed.json");

        Func<Task> cancel = async () => await Client.CancelAsync(WaitUntil.Completed, "job-5");

        RequestFailedException ex = (await cancel.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("JobAlreadyTerminal");
        ex.Message.Should().Contain("op-can-5").And.Contain("job-5").And.Contain("failed").And.Contain("cannot be cancelled");
        IReadOnlyList<WireMock.Logging.ILogEntry> requests = Service.Requests;
        AssertFoundryRequest(requests[0], "POST", "/api/projects/proj/training_jobs/job-5:cancel").Body.Should().BeNullOrEmpty();
        requests.Skip(1).Should().HaveCount(2);
        requests.Skip(1).ToList().ForEach(r => AssertFoundryRequest(r, "GET", Operations + "op-can-5/status"));
    }

    [Fact]
    public void Cancel_Started_ThenUpdateStatus_ReachesFailed_Sync()
    {
        Load("cancel_lro_failed.json");

        TrainingJobOperation operation = Client.Cancel(WaitUntil.Started, "job-5");

        operation.Id.Should().Be("op-can-5", "the id comes from Operation-Location, preferred over Location");
        operation.GetRawResponse().Status.Should().Be(202);
        operation.UpdateStatus();
        operation.HasCompleted.Should().BeFalse("the status route still says in_progress");
        operation.UpdateStatus();
        operation.HasCompleted.Should().BeTrue();
        operation.HasValue.Should().BeFalse();
        ((Func<JobOperationResource>)(() => operation.Value)).Should().Throw<RequestFailedException>().Which.ErrorCode.Should().Be("JobAlreadyTerminal");
    }

    [Fact]
    public async Task Polling_WaitsForRetryAfter_EvenWhenAskedToPollSooner()
    {
        Load("delete_lro_retry_after.json");
        TrainingJobOperation operation = await Client.DeleteAsync(WaitUntil.Started, "job-7");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        // The 202 says Retry-After: 3600; a 1 ms polling interval must not poll before the service's delay.
        Func<Task> wait = async () => await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(1), cts.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        operation.HasCompleted.Should().BeFalse();
        Service.Requests.Should().ContainSingle().Which.RequestMessage.Method.Should().Be("DELETE");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_RetriedAfter503And500_SendsTheSameOperationIdAndBody(bool async)
    {
        Load("job_create_retry.json");
        TrainingJobsClient client = ClientWith(o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        });
        var job = new CommandJob("c") { Command = "python train.py", EnvironmentImageReference = "env:1" };

        Response<TrainingJob> response = async ? await client.CreateAsync("retry-1", job) : client.Create("retry-1", job);

        response.GetRawResponse().Status.Should().Be(201);
        response.Value.Name.Should().Be("retry-1");
        IReadOnlyList<WireMock.Logging.ILogEntry> requests = Service.Requests;
        requests.Should().HaveCount(3);
        string operationId = requests.Select(r => r.RequestMessage.Headers!["Operation-Id"].Single()).Distinct().Should().ContainSingle().Subject;
        Guid.TryParse(operationId, out Guid _).Should().BeTrue();
        requests.Select(r => r.RequestMessage.Body).Distinct().Should().ContainSingle();
        JsonAssert.Equivalent(
            """{"name":"retry-1","properties":{"job_type":"command","compute_id":"c","command":"python train.py","environment_image_reference":"env:1"}}""",
            requests[0].RequestMessage.Body!);
        requests.ToList().ForEach(r => AssertFoundryRequest(r, "POST", "/api/projects/proj/training_jobs"));
    }

    [Fact]
    public async Task WaitForCompletion_CancellationStopsTheWait()
    {
        Load("job_wait.json");
        using var cts = new CancellationTokenSource();

        Task<Response<TrainingJob>> wait = Client.WaitForCompletionAsync("job-w", TimeSpan.FromMinutes(10), cts.Token);
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (Service.Requests.Count == 0 && !guard.IsCancellationRequested)
            {
                await Task.Delay(10);
            }
        }

        cts.Cancel();

        await ((Func<Task>)(() => wait)).Should().ThrowAsync<OperationCanceledException>();
        Service.Requests.Should().ContainSingle("the first poll answered Queued and the next one is ten minutes away");
    }

    [Fact]
    public void WaitForCompletion_Sync_AlreadyCancelledTokenSendsNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        ((Action)(() => Client.WaitForCompletion("job-w", TimeSpan.FromSeconds(1), cts.Token))).Should().Throw<OperationCanceledException>();
        Service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task DownloadArtifacts_AlreadyCancelledTokenWritesNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Func<Task> download = async () => await Client.DownloadArtifactsAsync("job-1", "latest", _destination, cancellationToken: cts.Token);

        await download.Should().ThrowAsync<OperationCanceledException>();
        Directory.Exists(_destination).Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadArtifacts_NeverFetchesMoreFilesAtOnceThanAllowed(bool async)
    {
        const int files = 6;
        const int limit = 2;
        string listing = string.Join(",", Enumerable.Range(0, files).Select(i =>
            $$"""{"path":"f{{i}}.bin","content_uri":"{{Service.Endpoint}}blob/f{{i}}.bin?sig=x"}"""));
        Service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/proj/training_jobs/job-1/attempts/latest/artifacts/content_info_by_prefix"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"data":[{{listing}}],"has_more":false}"""));
        int inFlight = 0;
        int maxInFlight = 0;
        Service.Server.Given(Request.Create().UsingGet().WithPath(new WireMock.Matchers.WildcardMatcher("/blob/*"))).RespondWith(Response.Create().WithCallback(async request =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);

            // Hold each download until the allowed number run together (bounded by a generous timeout, never a
            // pass condition), then a little longer so an unbounded client would show a third one in flight.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (Volatile.Read(ref inFlight) < limit && Volatile.Read(ref maxInFlight) < limit && !patience.IsCancellationRequested)
            {
                await Task.Delay(10);
            }

            await Task.Delay(100);
            Interlocked.Decrement(ref inFlight);
            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                BodyData = new WireMock.Util.BodyData { BodyAsString = request.AbsolutePath, DetectedBodyType = WireMock.Types.BodyType.String },
            };
        }));
        TrainingJobsClient client = ClientWith(o => o.MaxConcurrentDownloads = limit);

        IReadOnlyList<DownloadedArtifact> downloaded = async
            ? await client.DownloadArtifactsAsync("job-1", "latest", _destination)
            : client.DownloadArtifacts("job-1", "latest", _destination);

        downloaded.Select(d => d.ArtifactPath).Should().Equal(Enumerable.Range(0, files).Select(i => $"f{i}.bin"));
        downloaded.Should().OnlyContain(d => File.ReadAllText(d.LocalPath) == "/blob/" + d.ArtifactPath);
        maxInFlight.Should().Be(limit);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
