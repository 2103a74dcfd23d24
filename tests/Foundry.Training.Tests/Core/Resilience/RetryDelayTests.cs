using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Resilience;

/// <summary>The delay computation as a unit: backoff, jitter, the service's wish and the cap.</summary>
public sealed class RetryDelayTests
{
    private static RetryOptions Options(TimeSpan delay, TimeSpan maxDelay, RetryMode mode = RetryMode.Exponential)
    {
        RetryOptions retry = new TrainingJobsClientOptions().Retry;
        retry.Delay = delay;
        retry.MaxDelay = maxDelay;
        retry.Mode = mode;
        return retry;
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    public void ExponentialBackoff_DoublesWithTwentyPercentJitter(int retryNumber, double expectedMilliseconds)
    {
        var backoff = new RetryBackoff(Options(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)));

        IEnumerable<double> delays = Enumerable.Range(0, 200).Select(_ => backoff.GetNextDelay(null, retryNumber).TotalMilliseconds).ToList();

        delays.Should().OnlyContain(ms => ms >= expectedMilliseconds * 0.8 - 0.001 && ms <= expectedMilliseconds * 1.2 + 0.001);
        delays.Distinct().Should().HaveCountGreaterThan(1, "jitter spreads clients that failed together");
    }

    [Fact]
    public void FixedBackoff_StaysAtTheDelay()
    {
        var backoff = new RetryBackoff(Options(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), RetryMode.Fixed));

        backoff.GetNextDelay(null, 5).TotalMilliseconds.Should().BeInRange(80 - 0.001, 120 + 0.001);
    }

    [Fact]
    public void Backoff_NeverExceedsMaxDelay_EvenWithJitter()
    {
        var policy = new ServiceRetryPolicy(Options(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));

        Enumerable.Range(1, 40).Select(n => policy.GetDelay(null, n)).Should().OnlyContain(d => d <= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void HugeRetryNumbersAndMaxDelayDoNotOverflow()
    {
        var policy = new ServiceRetryPolicy(Options(TimeSpan.FromSeconds(1), TimeSpan.MaxValue));

        policy.GetDelay(null, 10_000).Should().BePositive().And.BeLessThanOrEqualTo(ServiceRetryPolicy.LongestWait);
    }

    [Fact]
    public void ServiceDelay_WinsOverASmallerBackoff_AndIsCapped()
    {
        using var service = new MockService();
        service.Server.Given(Request.Create().WithPath("/small")).RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "2"));
        service.Server.Given(Request.Create().WithPath("/large")).RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "120"));
        var clock = new RecordingTimeProvider();
        var policy = new ServiceRetryPolicy(Options(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(60)), timeProvider: clock);

        policy.GetDelay(Get(service, "/small"), 1).Should().Be(TimeSpan.FromSeconds(2));
        policy.GetDelay(Get(service, "/large"), 1).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void ACustomDelayStrategy_ProvidesTheBackoff()
    {
        var policy = new ServiceRetryPolicy(Options(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), new StepDelay());

        policy.GetDelay(null, 3).Should().Be(TimeSpan.FromSeconds(3));
    }

    private static Azure.Response Get(MockService service, string path)
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(service.Endpoint, new StaticTokenCredential(), options);
        HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, path);
        pipeline.Pipeline.Send(message, CancellationToken.None);
        return message.Response;
    }

    /// <summary>One second per retry, no jitter.</summary>
    private sealed class StepDelay : DelayStrategy
    {
        public StepDelay() : base(jitterFactor: 0)
        {
        }

        protected override TimeSpan GetNextDelayCore(Azure.Response? response, int retryNumber) => TimeSpan.FromSeconds(retryNumber);
    }
}
