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

    [Fact]
    public void Delay_UsesFallbackAndCapsAtMaximum()
    {
        Delay.ForNextPoll(Respond(), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)).Should().Be(TimeSpan.FromSeconds(3));
        Delay.ForNextPoll(Respond(("Retry-After", "3600")), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)).Should().Be(TimeSpan.FromMinutes(1));
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
        Func<Task> waitAsync = async () => await Delay.WaitAsync(TimeSpan.FromMinutes(5), async: true, cts.Token);
        await waitAsync.Should().ThrowAsync<OperationCanceledException>();

        using var cts2 = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Action wait = () => Delay.WaitAsync(TimeSpan.FromMinutes(5), async: false, cts2.Token).EnsureCompleted();
        wait.Should().Throw<OperationCanceledException>();
    }
}
