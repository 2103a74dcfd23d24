using System.Text;
using Azure;
using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using Polly;
using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Timeout;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Resilience;

/// <summary>The user's Polly pipeline around each call, through <c>options.ResiliencePipeline</c>.</summary>
public sealed class ResiliencePipelineTests : IDisposable
{
    private const string JobPath = "/training_jobs/j1";

    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private ServicePipeline CreatePipeline(ResiliencePipeline<Azure.Response> resilience, int maxRetries = 0)
    {
        var options = new TrainingJobsClientOptions { ResiliencePipeline = resilience };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential("polly-token"), options);
    }

    private static async Task<Azure.Response> SendAsync(ServicePipeline pipeline, bool async, CancellationToken cancellationToken = default)
    {
        HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, JobPath);
        return async
            ? await pipeline.SendAsync(message, async: true, cancellationToken)
            : pipeline.SendAsync(message, async: false, cancellationToken).EnsureCompleted();
    }

    private static IResponseBuilder Ok() => Response.Create().WithStatusCode(200).WithBody("""{"name":"j1"}""").WithHeader("Content-Type", "application/json");

    private static ResiliencePipeline<Azure.Response> BreakAfterTwoServerErrors() =>
        new ResiliencePipelineBuilder<Azure.Response>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Azure.Response>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromMinutes(1),
                ShouldHandle = new PredicateBuilder<Azure.Response>().Handle<RequestFailedException>().HandleResult(r => r.Status >= 500),
            })
            .Build();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CircuitBreaker_OpensAfterFailures_AndStopsCallingTheService(bool async)
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(500));
        ServicePipeline pipeline = CreatePipeline(BreakAfterTwoServerErrors());

        for (int call = 0; call < 2; call++)
        {
            Func<Task> failing = () => SendAsync(pipeline, async);
            (await failing.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(500);
        }

        Func<Task> broken = () => SendAsync(pipeline, async);

        await broken.Should().ThrowAsync<BrokenCircuitException>();
        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task CircuitBreaker_CountsWholeCalls_NotTheRetriesInside()
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(503), Ok());
        ServicePipeline pipeline = CreatePipeline(BreakAfterTwoServerErrors(), maxRetries: 3);

        for (int call = 0; call < 3; call++)
        {
            (await SendAsync(pipeline, async: true)).Status.Should().Be(200);
        }

        _service.Requests.Should().HaveCount(4, "the first call's 503 is retried inside the call and never reaches the breaker");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Timeout_CancelsASlowResponse(bool async)
    {
        _service.Server.RespondInTurn(JobPath, Ok().WithDelay(TimeSpan.FromSeconds(2)));
        ServicePipeline pipeline = CreatePipeline(
            new ResiliencePipelineBuilder<Azure.Response>().AddTimeout(TimeSpan.FromMilliseconds(100)).Build(),
            maxRetries: 3);

        Func<Task> send = () => SendAsync(pipeline, async);

        await send.Should().ThrowAsync<TimeoutRejectedException>();
    }

    [Fact]
    public async Task CallerCancellation_SurfacesAsOperationCanceled()
    {
        _service.Server.RespondInTurn(JobPath, Ok().WithDelay(TimeSpan.FromSeconds(2)));
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>().AddTimeout(TimeSpan.FromMinutes(1)).Build());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Func<Task> send = () => SendAsync(pipeline, async: true, cancellation.Token);

        await send.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Hedging_SendsASecondAttempt_AndTheFasterResponseWins()
    {
        int attempts = 0;
        _service.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(JobPath)).RespondWith(Response.Create().WithCallback(async _ =>
        {
            bool first = Interlocked.Increment(ref attempts) == 1;
            if (first)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                BodyData = new WireMock.Util.BodyData { BodyAsString = first ? """{"name":"slow"}""" : """{"name":"fast"}""", DetectedBodyType = WireMock.Types.BodyType.String },
            };
        }));
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>()
            .AddHedging(new HedgingStrategyOptions<Azure.Response> { MaxHedgedAttempts = 1, Delay = TimeSpan.FromMilliseconds(200) })
            .Build());
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, JobPath);

        Azure.Response response = await pipeline.SendAsync(message, async: true, CancellationToken.None);

        response.Content.ToString().Should().Be("""{"name":"fast"}""");
        message.Response.Should().BeSameAs(response);
        attempts.Should().Be(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EachAttemptSendsTheCallersExactRequest(bool async)
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(201).WithBody("""{"name":"j1"}"""));
        int executions = 0;
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>()
            .AddTimeout(TimeSpan.FromMinutes(1))
            .AddStrategy(_ => new CountingStrategy(() => Interlocked.Increment(ref executions)), new CountingOptions())
            .Build());
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Post, JobPath);
        message.Request.Headers.SetValue("Operation-Id", "op-1");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("""{"properties":{}}"""));

        Azure.Response response = async
            ? await pipeline.SendAsync(message, async: true, CancellationToken.None)
            : pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();

        response.Status.Should().Be(201);
        response.Content.ToString().Should().Be("""{"name":"j1"}""");
        executions.Should().Be(1);
        var request = _service.SingleRequest.RequestMessage;
        request.Method.Should().Be("POST");
        request.AbsolutePath.Should().Be(JobPath);
        request.Query!["api-version"].Should().Equal("v1");
        request.Headers!["Authorization"].Should().Equal("Bearer polly-token");
        request.Headers["Foundry-Features"].Should().Equal("TrainingJobs=V1Preview");
        request.Headers["Operation-Id"].Should().Equal("op-1");
        request.Headers["x-ms-client-request-id"].Should().Equal(message.Request.ClientRequestId);
        request.Body.Should().Be("""{"properties":{}}""");
    }

    [Fact]
    public async Task RetrySafetyMarkCarriesIntoEachAttempt()
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(503), Ok());
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>().AddTimeout(TimeSpan.FromMinutes(1)).Build(), maxRetries: 1);
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Post, JobPath);
        RetrySafety.MarkSafe(message);

        (await pipeline.SendAsync(message, async: true, CancellationToken.None)).Status.Should().Be(200);

        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Hedging_NeverSendsAnUnsafePostTwice()
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(201).WithBody("""{"id":"ftjob-1"}""").WithDelay(TimeSpan.FromMilliseconds(600)));
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>()
            .AddHedging(new HedgingStrategyOptions<Azure.Response> { MaxHedgedAttempts = 2, Delay = TimeSpan.FromMilliseconds(50) })
            .Build());
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Post, JobPath);

        Azure.Response response = await pipeline.SendAsync(message, async: true, CancellationToken.None);

        response.Status.Should().Be(201);
        _service.Requests.Should().ContainSingle("a create without an idempotency key must not run twice");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PollyRetry_OfAnUnsafePost_IsRefusedWithAnExplanation(bool async)
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(201));
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>()
            .AddRetry(new Polly.Retry.RetryStrategyOptions<Azure.Response>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder<Azure.Response>().HandleResult(r => r.Status == 503),
            })
            .Build());
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Post, JobPath);

        Func<Task> send = async () =>
        {
            if (async)
            {
                await pipeline.SendAsync(message, async: true, CancellationToken.None);
            }
            else
            {
                pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();
            }
        };

        await send.Should().ThrowAsync<InvalidOperationException>().WithMessage("*POST request to '/training_jobs/j1' is not safe to send twice*");
        _service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task PollyRetry_OfAPostWithOperationId_IsSent()
    {
        _service.Server.RespondInTurn(JobPath, Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(201));
        ServicePipeline pipeline = CreatePipeline(new ResiliencePipelineBuilder<Azure.Response>()
            .AddRetry(new Polly.Retry.RetryStrategyOptions<Azure.Response>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder<Azure.Response>().HandleResult(r => r.Status == 503),
            })
            .Build());
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Post, JobPath);
        message.Request.Headers.SetValue("Operation-Id", "op-7");

        (await pipeline.SendAsync(message, async: true, CancellationToken.None)).Status.Should().Be(201);

        _service.Requests.Should().HaveCount(2).And.OnlyContain(r => r.RequestMessage.Headers!["Operation-Id"].Single() == "op-7");
    }

    [Fact]
    public void WithoutAPipeline_NothingWrapsTheCall()
    {
        var options = new FineTuningClientOptions();
        options.ResiliencePipeline.Should().BeNull();
        ServicePipelineFactory.ForDownloads(options).Should().BeOfType<Azure.Core.Pipeline.HttpPipeline>();
    }

    private sealed class CountingOptions : ResilienceStrategyOptions
    {
    }

    /// <summary>Counts how often the pipeline runs its callback.</summary>
    private sealed class CountingStrategy : ResilienceStrategy
    {
        private readonly Action _onExecute;

        public CountingStrategy(Action onExecute) => _onExecute = onExecute;

        protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
        {
            _onExecute();
            return callback(context, state);
        }
    }
}
