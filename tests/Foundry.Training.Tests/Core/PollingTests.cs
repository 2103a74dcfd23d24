using System.Net;
using Azure;
using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core;

public sealed class PollingTests : IDisposable
{
    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private Azure.Response Respond(params (string Name, string Value)[] headers)
    {
        var builder = Response.Create().WithStatusCode(202);
        foreach ((string name, string value) in headers)
        {
            builder = builder.WithHeader(name, value);
        }

        _service.Server.Reset();
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(builder);
        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), new TrainingJobsClientOptions());
        HttpMessage message = pipeline.CreateRequest(RequestMethod.Delete, "/training_jobs/j1");
        return pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();
    }

    [Theory]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("x-ms-retry-after-ms", "250", 250)]
    [InlineData("Retry-After", "10", 10000)]
    [InlineData("Retry-After", "0", 0)]
    [InlineData("Retry-After", "2.5", 2500)]
    public void RetryAfter_ReadsEachHeader(string header, string value, double expectedMs) =>
        RetryAfter.GetDelay(Respond((header, value)), DateTimeOffset.UtcNow).Should().Be(TimeSpan.FromMilliseconds(expectedMs));

    [Fact]
    public void RetryAfter_ReadsHttpDate()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        RetryAfter.GetDelay(Respond(("Retry-After", "Wed, 25 Nov 2026 12:00:30 GMT")), now).Should().Be(TimeSpan.FromSeconds(30));
        RetryAfter.GetDelay(Respond(("Retry-After", "Wed, 25 Nov 2026 11:00:00 GMT")), now).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void RetryAfter_MillisecondsWinOverSeconds() =>
        RetryAfter.GetDelay(Respond(("Retry-After", "10"), ("retry-after-ms", "20")), DateTimeOffset.UtcNow).Should().Be(TimeSpan.FromMilliseconds(20));

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void RetryAfter_IgnoresGarbage(string value) =>
        RetryAfter.GetDelay(Respond(("Retry-After", value)), DateTimeOffset.UtcNow).Should().BeNull();

    [Theory]
    [InlineData("Retry-After", "922337203685.4775")]    // just below TimeSpan.MaxValue in seconds, past it in ticks once rounded
    [InlineData("Retry-After", "922337203685.477")]
    [InlineData("Retry-After", "922337203685")]
    [InlineData("Retry-After", "1e308")]
    [InlineData("retry-after-ms", "922337203685477.5")]
    [InlineData("retry-after-ms", "922337203685477")]
    [InlineData("retry-after-ms", "1e308")]
    [InlineData("x-ms-retry-after-ms", "NaN")]
    public void RetryAfter_AHintAtTheEdgeOfTimeSpan_IsNeverAnOverflowException(string header, string value)
    {
        TimeSpan? delay = RetryAfter.GetDelay(Respond((header, value)), DateTimeOffset.UtcNow);

        if (delay is TimeSpan wait)
        {
            wait.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
            NextPoll(Respond((header, value)), null).Should().Be(TimeSpan.FromMinutes(1), "a hint that long waits the maximum");
        }
    }

    private static TimeSpan NextPoll(Azure.Response response, int? intervalMs) =>
        Delay.ForNextPoll(response, intervalMs is int ms ? TimeSpan.FromMilliseconds(ms) : null, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeProvider.System);

    [Theory]
    [InlineData(null, null, null, 10_000)]              // neither says: the default
    [InlineData("Retry-After", "0", null, 100)]         // the service asks for nothing: the floor
    [InlineData("retry-after-ms", "0", null, 100)]
    [InlineData("retry-after-ms", "40", null, 100)]
    [InlineData("retry-after-ms", "250", null, 250)]    // a shorter hint is followed when the caller gave no interval
    [InlineData("Retry-After", "3", null, 3_000)]
    [InlineData("Retry-After", "30", null, 30_000)]     // a longer one too
    [InlineData("Retry-After", "3600", null, 60_000)]   // up to the maximum
    [InlineData(null, null, 2_000, 2_000)]              // the caller's interval...
    [InlineData("Retry-After", "0", 2_000, 2_000)]      // ...is a floor
    [InlineData("retry-after-ms", "250", 2_000, 2_000)]
    [InlineData("Retry-After", "5", 2_000, 5_000)]      // the service can only lengthen it
    [InlineData("Retry-After", "3600", 2_000, 60_000)]
    [InlineData("Retry-After", "3600", 120_000, 120_000)] // a caller's interval beyond the maximum is kept
    [InlineData(null, null, 1, 1)]                      // and so is a tiny one: the caller asked for it
    public void Delay_FollowsOneRuleForEveryPoller(string? header, string? value, int? intervalMs, double expectedMs)
    {
        Azure.Response response = header is null ? Respond() : Respond((header, value!));
        NextPoll(response, intervalMs).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void Delay_MeasuresAnHttpDateAgainstTheGivenClock()
    {
        var clock = new RecordingTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        Azure.Response response = Respond(("Retry-After", "Wed, 25 Nov 2026 12:00:20 GMT"));

        Delay.ForNextPoll(response, null, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), clock).Should().Be(TimeSpan.FromSeconds(20));
        clock.Now = clock.Now.AddMinutes(1);
        Delay.ForNextPoll(response, null, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), clock).Should().Be(Delay.MinimumServiceDelay, "a date in the past asks for no wait");
    }

    [Fact]
    public async Task Delay_WaitsOnTheGivenClock()
    {
        var clock = new RecordingTimeProvider();

        await Delay.WaitAsync(TimeSpan.FromHours(1), clock, async: true, CancellationToken.None);
        Delay.WaitAsync(TimeSpan.FromHours(2), clock, async: false, CancellationToken.None).EnsureCompleted();
        await Delay.WaitAsync(TimeSpan.Zero, clock, async: true, CancellationToken.None);

        clock.Waits.Should().Equal(TimeSpan.FromHours(1), TimeSpan.FromHours(2));
    }

    [Fact]
    public void PollingLocation_PrefersOperationLocationAndResolvesRelativeUris()
    {
        var requestUri = new Uri("https://acct.services.ai.azure.com/api/projects/p/training_jobs/j1?api-version=v1");
        PollingLocation.Get(Respond(("Location", "https://x/result"), ("Operation-Location", "https://x/status")), requestUri)
            .Should().Be(new Uri("https://x/status"));
        PollingLocation.Get(Respond(("Location", "/api/projects/p/training_jobs/operations/op1/result")), requestUri)
            .Should().Be(new Uri("https://acct.services.ai.azure.com/api/projects/p/training_jobs/operations/op1/result"));
        PollingLocation.Get(Respond(), requestUri).Should().BeNull();
    }

    [Fact]
    public async Task Delay_IsCancellableSyncAndAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Func<Task> waitAsync = async () => await Delay.WaitAsync(TimeSpan.FromMinutes(5), TimeProvider.System, async: true, cts.Token);
        await waitAsync.Should().ThrowAsync<OperationCanceledException>();

        using var cts2 = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Action wait = () => Delay.WaitAsync(TimeSpan.FromMinutes(5), TimeProvider.System, async: false, cts2.Token).EnsureCompleted();
        wait.Should().Throw<OperationCanceledException>();
    }
}
