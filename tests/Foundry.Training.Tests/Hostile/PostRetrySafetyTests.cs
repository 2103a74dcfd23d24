using System.Net;
using System.Net.Sockets;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Every POST of the fine-tuning and training-job clients, sent again only where a repeat cannot duplicate work: job
/// creates (no idempotency key on either OpenAI-style service) only after a certain refusal (429,
/// <c>x-should-retry: true</c>) or a refused connection; cancel, pause and resume (a
/// repeat changes nothing) like reads. (Foundry's create carries an <c>Operation-Id</c>: see <c>RetryPolicyTests</c>.)
/// </summary>
public sealed class PostRetrySafetyTests : IDisposable
{
    private const string JobJson = """{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","status":"pending","training_file":"file-1"}""";

    private readonly MockService _service = new();
    private readonly RecordingTimeProvider _clock = new();

    public void Dispose() => _service.Dispose();

    private FineTuningClient Client(Uri endpoint, bool openAI)
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 3;
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: _clock);
        if (openAI)
        {
            options.OpenAIEndpoint = endpoint;
            return FineTuningClient.ForOpenAI("sk-test", options);
        }

        return new FineTuningClient(endpoint, new AzureKeyCredential("key"), options);
    }

    private static string JobsPath(bool openAI) => openAI ? "/fine_tuning/jobs" : "/openai/fine_tuning/jobs";

    private static IResponseBuilder Status(int status, params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody(status < 400 ? JobJson : """{"error":{"code":"unavailable","message":"Try again."}}""");
        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    private static FineTuningJobCreateOptions Create() => new("gpt-4o-mini", "file-1");

    [Theory]
    [InlineData(false, 500, null, null)]
    [InlineData(false, 503, null, null)]
    [InlineData(true, 502, null, null)]
    [InlineData(true, 504, null, null)]
    [InlineData(false, 503, "Retry-After", "1")]
    [InlineData(true, 500, "retry-after-ms", "20")]
    public async Task JobCreate_AfterA5xx_IsNotResent_EvenWhenAskedToRetryLater(bool openAI, int status, string? header, string? value)
    {
        // A duplicate would be a second billed training run: only a certain refusal justifies a repeat.
        _service.Server.RespondInTurn(JobsPath(openAI), header is null ? Status(status) : Status(status, (header, value!)), Status(201));

        RequestFailedException failure = (await FluentActions.Awaiting(() => Client(_service.Endpoint, openAI).CreateJobAsync(Create())).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(status);
        _service.SingleRequest.RequestMessage.Method.Should().Be("POST");
    }

    [Theory]
    [InlineData(true, 429, null, null)]
    [InlineData(false, 429, null, null)]
    [InlineData(true, 500, "x-should-retry", "true")]
    public async Task JobCreate_AfterTheServiceRefusedIt_IsResentWithTheSameBody(bool openAI, int status, string? header, string? value)
    {
        _service.Server.RespondInTurn(JobsPath(openAI), header is null ? Status(status) : Status(status, (header, value!)), Status(201));

        Response<FineTuningJob> job = await Client(_service.Endpoint, openAI).CreateJobAsync(Create());

        job.Value.Id.Should().Be("ftjob-1");
        _service.Requests.Should().HaveCount(2).And.OnlyContain(r =>
            r.RequestMessage.Method == "POST" && r.RequestMessage.Path == JobsPath(openAI) &&
            r.RequestMessage.Body == """{"model":"gpt-4o-mini","training_file":"file-1"}""");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JobCreate_AfterAResetOnceItWasSent_IsNotResent(bool openAI)
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Respond(201, JobJson));

        RequestFailedException failure = (await FluentActions.Awaiting(() => Client(server.Endpoint, openAI).CreateJobAsync(Create())).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(0);
        server.Requests.Should().ContainSingle().Which.Should().StartWith($"POST {JobsPath(openAI)}");
    }

    [Fact]
    public async Task JobCreate_ToAnEndpointThatRefusesTheConnection_IsRetried_ForNothingWasSent()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        RequestFailedException failure = (await FluentActions.Awaiting(() => Client(closed, openAI: false).CreateJobAsync(Create())).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(0);
        failure.InnerException.Should().NotBeNull();
        _clock.Waits.Should().HaveCount(3, "each of the three retries waited: a refused connection carried nothing to the service");
    }

    [Theory]
    [InlineData("/cancel", true)]
    [InlineData("/cancel", false)]
    [InlineData("/pause", true)]
    [InlineData("/resume", true)]
    public async Task CancelPauseAndResume_AreResentAfterAnyTransientFailure(string action, bool openAI)
    {
        string path = JobsPath(openAI) + "/ftjob-1" + action;
        _service.Server.RespondInTurn(path, Status(503), Status(504), Status(200));
        FineTuningClient client = Client(_service.Endpoint, openAI);

        Response<FineTuningJob> job = action switch
        {
            "/cancel" => await client.CancelJobAsync("ftjob-1"),
            "/pause" => await client.PauseJobAsync("ftjob-1"),
            _ => await client.ResumeJobAsync("ftjob-1"),
        };

        job.Value.Id.Should().Be("ftjob-1");
        _service.Requests.Should().HaveCount(3).And.OnlyContain(r => r.RequestMessage.Method == "POST" && r.RequestMessage.Path == path);
    }

    [Fact]
    public async Task Cancel_AfterAResetOnceItWasSent_IsResent()
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Respond(200, JobJson));

        Response<FineTuningJob> job = await Client(server.Endpoint, openAI: true).CancelJobAsync("ftjob-1");

        job.Value.Id.Should().Be("ftjob-1");
        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.StartsWith("POST /fine_tuning/jobs/ftjob-1/cancel HTTP/1.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FoundryCancel_IsResentAfterA503()
    {
        const string CancelPath = "/api/projects/p/training_jobs/j1:cancel";
        _service.Server.RespondInTurn(CancelPath, Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(200));
        var options = new TrainingJobsClientOptions();
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: _clock);
        var client = new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential(), options);

        TrainingJobOperation operation = await client.CancelAsync(WaitUntil.Started, "j1");

        operation.HasCompleted.Should().BeTrue();
        _service.Requests.Should().HaveCount(2).And.OnlyContain(r => r.RequestMessage.Method == "POST" && r.RequestMessage.Path == CancelPath);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connections are refused
    }
}
