using System.Text;
using Azure;
using Azure.Core;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Resilience;

/// <summary>The built-in retry policy end to end: WireMock scripts the failures, a recording clock takes the waits.</summary>
public sealed class RetryPolicyTests : IDisposable
{
    private const string JobPath = "/training_jobs/j1";

    private readonly MockService _service = new();
    private readonly RecordingTimeProvider _clock = new();

    public void Dispose() => _service.Dispose();

    private ServicePipeline CreatePipeline(Action<TrainingJobsClientOptions>? configure = null)
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10); // never waited for: the clock fires at once
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: _clock);
        configure?.Invoke(options);
        return ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), options);
    }

    private static async Task<Azure.Response> SendAsync(ServicePipeline pipeline, RequestMethod method, bool async = true, Action<HttpMessage>? prepare = null)
    {
        HttpMessage message = pipeline.CreateRequest(method, JobPath);
        prepare?.Invoke(message);
        return async
            ? await pipeline.SendAsync(message, async: true, CancellationToken.None)
            : pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();
    }

    private static IResponseBuilder Status(int status, params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status);
        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    private static IResponseBuilder Ok() => Response.Create().WithStatusCode(200).WithBody("""{"name":"j1"}""").WithHeader("Content-Type", "application/json");

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, false)]
    [InlineData(503, true)]
    [InlineData(504, false)]
    public async Task RetryableStatus_IsRetried_ThenSucceeds(int status, bool async)
    {
        _service.Server.RespondInTurn(JobPath, Status(status), Ok());

        Azure.Response response = await SendAsync(CreatePipeline(), RequestMethod.Get, async);

        response.Status.Should().Be(200);
        response.Content.ToString().Should().Be("""{"name":"j1"}""");
        _service.Requests.Should().HaveCount(2).And.OnlyContain(r => r.RequestMessage.Path == JobPath && r.RequestMessage.Method == "GET");
        _clock.Waits.Should().ContainSingle();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task NonRetryableStatus_IsNotRetried(int status)
    {
        _service.Server.RespondInTurn(JobPath, Status(status), Ok());

        Func<Task> send = () => SendAsync(CreatePipeline(), RequestMethod.Get);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
        _service.Requests.Should().ContainSingle();
        _clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task RetriesStopAfterMaxRetries_AndTheLastErrorSurfaces()
    {
        _service.Server.RespondInTurn(JobPath, Status(503));

        Func<Task> send = () => SendAsync(CreatePipeline(o => o.Retry.MaxRetries = 2), RequestMethod.Get);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        _service.Requests.Should().HaveCount(3);
        _clock.Waits.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("Retry-After", "Tue, 01 Jan 2030 00:00:30 GMT", 30000)]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("x-ms-retry-after-ms", "250", 250)]
    public async Task ServiceRequestedDelay_IsHonoured(string header, string value, double expectedMilliseconds)
    {
        _service.Server.RespondInTurn(JobPath, Status(429, (header, value)), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Get)).Status.Should().Be(200);

        _clock.Waits.Should().Equal(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public async Task RetryAfterInThePast_RetriesAfterTheBackoffOnly()
    {
        _service.Server.RespondInTurn(JobPath, Status(503, ("Retry-After", "Mon, 31 Dec 2029 23:59:00 GMT")), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Get)).Status.Should().Be(200);

        _clock.Waits.Should().ContainSingle().Which.Should().BeLessThan(TimeSpan.FromMilliseconds(13));
    }

    [Fact]
    public async Task ServiceRequestedDelay_IsCappedByMaxDelay()
    {
        _service.Server.RespondInTurn(JobPath, Status(429, ("Retry-After", "3600")), Status(503, ("retry-after-ms", "90000")), Ok());

        (await SendAsync(CreatePipeline(o => o.Retry.MaxDelay = TimeSpan.FromSeconds(10)), RequestMethod.Get)).Status.Should().Be(200);

        _clock.Waits.Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Backoff_IsCappedByMaxDelay()
    {
        _service.Server.RespondInTurn(JobPath, Status(503), Status(503), Status(503), Ok());
        ServicePipeline pipeline = CreatePipeline(o =>
        {
            o.Retry.Delay = TimeSpan.FromSeconds(30);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        });

        (await SendAsync(pipeline, RequestMethod.Get)).Status.Should().Be(200);

        // Jitter spreads the capped backoff below the cap, never above it.
        _clock.Waits.Should().HaveCount(3).And.OnlyContain(wait => wait >= TimeSpan.FromSeconds(4) && wait <= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ShouldRetryFalse_IsNeverRetried()
    {
        _service.Server.RespondInTurn(JobPath, Status(503, ("x-should-retry", "false")), Ok());

        Func<Task> send = () => SendAsync(CreatePipeline(), RequestMethod.Get);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        _service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task ShouldRetryTrue_RetriesAStatusOutsideTheList()
    {
        _service.Server.RespondInTurn(JobPath, Status(409, ("x-should-retry", "true")), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Get)).Status.Should().Be(200);

        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ShouldRetryTrue_RetriesEvenAPostWithoutIdempotencyKey()
    {
        _service.Server.RespondInTurn(JobPath, Status(500, ("x-should-retry", "True")), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Post)).Status.Should().Be(200);

        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_WithoutOperationId_IsNotRetriedOn503()
    {
        _service.Server.RespondInTurn(JobPath, Status(503), Ok());

        Func<Task> send = () => SendAsync(CreatePipeline(), RequestMethod.Post, prepare: m => m.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("{}")));

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        _service.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_WithOperationId_IsRetried_WithTheSameKeyAndBody(bool async)
    {
        _service.Server.RespondInTurn(JobPath, Status(503), Status(500), Ok());

        Azure.Response response = await SendAsync(CreatePipeline(), RequestMethod.Post, async, m =>
        {
            m.Request.Headers.SetValue("Operation-Id", "op-123");
            m.Request.Headers.SetValue("Content-Type", "application/json");
            m.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("""{"properties":{"jobType":"Command"}}"""));
        });

        response.Status.Should().Be(200);
        _service.Requests.Should().HaveCount(3).And.OnlyContain(r =>
            r.RequestMessage.Method == "POST" &&
            r.RequestMessage.Headers!["Operation-Id"].Single() == "op-123" &&
            r.RequestMessage.Body == """{"properties":{"jobType":"Command"}}""");
    }

    [Fact]
    public async Task Post_MarkedSafe_IsRetried()
    {
        _service.Server.RespondInTurn(JobPath, Status(502), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Post, prepare: RetrySafety.MarkSafe)).Status.Should().Be(200);

        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_IsRetriedOn429_WhichTheServiceRefusedBeforeDoingAnything()
    {
        _service.Server.RespondInTurn(JobPath, Status(429, ("retry-after-ms", "5")), Ok());

        (await SendAsync(CreatePipeline(), RequestMethod.Post)).Status.Should().Be(200);

        _service.Requests.Should().HaveCount(2);
    }

    private ServicePipeline CreatePipeline(Uri endpoint)
    {
        var options = new TrainingJobsClientOptions();
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: _clock);
        return ServicePipelineFactory.ForTrainingJobs(endpoint, new StaticTokenCredential(), options);
    }

    private static async Task<Azure.Response> SendAsync(ServicePipeline pipeline, RequestMethod method, bool async, string? operationId)
    {
        using HttpMessage message = pipeline.CreateRequest(method, JobPath);
        if (operationId is not null)
        {
            message.Request.Headers.SetValue("Operation-Id", operationId);
        }

        return async
            ? await pipeline.SendAsync(message, async: true, CancellationToken.None)
            : pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConnectionReset_IsRetriedForGet(bool async)
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Reset, ConnectionFault.Respond(200, ResetThenOkBody));

        Azure.Response response = await SendAsync(CreatePipeline(server.Endpoint), RequestMethod.Get, async, operationId: null);

        response.Status.Should().Be(200);
        response.Content.ToString().Should().Be(ResetThenOkBody);
        server.Requests.Should().HaveCount(3).And.OnlyContain(head => head.StartsWith("GET /training_jobs/j1?api-version=v1 HTTP/1.1", StringComparison.Ordinal));
        _clock.Waits.Should().HaveCount(2);
    }

    [Fact]
    public async Task ConnectionReset_IsNotRetriedForAnUnsafePost_AndSurfacesAsRequestFailedException()
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Respond(200, ResetThenOkBody));

        Func<Task> send = () => SendAsync(CreatePipeline(server.Endpoint), RequestMethod.Post, async: true, operationId: null);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(0);
        server.Requests.Should().ContainSingle();
        _clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectionReset_IsRetriedForAPostWithOperationId_WithTheSameKey()
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Respond(200, ResetThenOkBody));

        Azure.Response response = await SendAsync(CreatePipeline(server.Endpoint), RequestMethod.Post, async: true, operationId: "op-9");

        response.Status.Should().Be(200);
        server.Requests.Should().HaveCount(2).And.OnlyContain(head => head.Contains("Operation-Id: op-9\r\n", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(RequestMethod_Get)]
    [InlineData(RequestMethod_Post)]
    public async Task AResponseBodyCutShort_SurfacesAsRequestFailedException_LikeOtherTransportFailures(string method)
    {
        using var server = new FaultyServer(ConnectionFault.TruncatedTransfer(200, """{"name":"j1","status":"Running"}"""));

        Func<Task> send = () => SendAsync(CreatePipeline(server.Endpoint), new RequestMethod(method), async: true, operationId: null);

        RequestFailedException ex = (await send.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(0);
        ex.InnerException.Should().BeAssignableTo<IOException>();
        server.Requests.Should().HaveCount(method == RequestMethod_Get ? 4 : 1, "a GET is retried, an unsafe POST is not");
    }

    private const string ResetThenOkBody = """{"name":"j1"}""";
    private const string RequestMethod_Get = "GET";
    private const string RequestMethod_Post = "POST";

    [Fact]
    public async Task NetworkTimeout_IsRetried_UnlikeTheCallersCancellation()
    {
        _service.Server.RespondInTurn(JobPath, Ok().WithDelay(TimeSpan.FromSeconds(1)));
        ServicePipeline pipeline = CreatePipeline(o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(100);
        });

        Func<Task> send = () => SendAsync(pipeline, RequestMethod.Get);

        (await send.Should().ThrowAsync<OperationCanceledException>()).WithMessage("*exceeded the configured timeout*");
        _clock.Waits.Should().HaveCount(2);
    }

    [Fact]
    public async Task CallerCancellation_IsNotRetried()
    {
        _service.Server.RespondInTurn(JobPath, Ok().WithDelay(TimeSpan.FromSeconds(3)));
        ServicePipeline pipeline = CreatePipeline();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, JobPath);

        Func<Task> send = async () => await pipeline.SendAsync(message, async: true, cancellation.Token);

        await send.Should().ThrowAsync<OperationCanceledException>();
        _clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public void EveryClientsOptionsInstallTheRetryPolicy()
    {
        new TrainingJobsClientOptions().RetryPolicy.Should().BeOfType<ServiceRetryPolicy>();
        new FineTuningClientOptions().RetryPolicy.Should().BeOfType<ServiceRetryPolicy>();
    }

    [Fact]
    public async Task DefaultPolicy_ReadsRetryOptionsSetAfterConstruction()
    {
        _service.Server.RespondInTurn(JobPath, Status(503));
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        ServicePipeline pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), options);
        using HttpMessage message = pipeline.CreateNextLinkRequest(_service.Endpoint + JobPath.TrimStart('/'));

        Func<Task> send = async () => await pipeline.SendAsync(message, async: true, CancellationToken.None);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        _service.Requests.Should().HaveCount(2);
    }
}
