using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// Responses that are slow or never come, for both clients: an attempt that outlives <c>Retry.NetworkTimeout</c> is
/// retried (a read) and the call succeeds or, when every attempt times out, ends in
/// <see cref="OperationCanceledException"/> naming the timeout; the caller's own cancellation ends the call at once,
/// never retried, whether it comes while waiting for the response or while waiting to retry. The server never answers
/// a hung request, so no test depends on how fast this machine is; cancellation follows the server's signal.
/// </summary>
public sealed class SlowResponseTests
{
    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task AnAttemptThatTimesOut_IsRetried_AndTheReadSucceeds(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(ConnectionFault.Hang, ConnectionFault.Respond(200, target.Body));
        var clients = new FaultClients(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromSeconds(1));

        (await target.Read(clients, async, CancellationToken.None)).Should().Be(target.Id);

        server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task ABodyThatStallsHalfway_TimesOut_IsRetried_AndTheReadSucceeds(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(ConnectionFault.StallMidBody(200, target.Body), ConnectionFault.Respond(200, target.Body));
        var clients = new FaultClients(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromMilliseconds(500));

        (await target.Read(clients, async, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1))).Should().Be(target.Id);

        server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllNames), MemberType = typeof(FaultTarget))]
    public async Task EveryAttemptTimingOut_EndsInOperationCanceledExceptionNamingTheTimeout(string name)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(ConnectionFault.Hang);
        var clients = new FaultClients(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromMilliseconds(200));

        Func<Task> read = () => target.Read(clients, true, CancellationToken.None);

        (await read.Should().ThrowAsync<OperationCanceledException>()).WithMessage("*exceeded the configured timeout*NetworkTimeout*");
        server.Requests.Should().HaveCount(FaultClients.MaxRetries + 1);
    }

    [Fact]
    public async Task AFineTuningCreateThatTimesOut_IsNotResent()
    {
        using var server = new FaultyServer(ConnectionFault.Hang, ConnectionFault.Respond(201, """{"id":"ftjob-3"}"""));
        var clients = new FaultClients(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromMilliseconds(200));

        Func<Task> create = () => clients.FineTuning.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1"));

        (await create.Should().ThrowAsync<OperationCanceledException>()).WithMessage("*exceeded the configured timeout*");
        server.Requests.Should().ContainSingle("the service may have started the job: a second POST could start another");
    }

    [Fact]
    public async Task ATrainingJobCreateThatTimesOut_IsResentWithTheSameIdempotencyKey()
    {
        using var server = new FaultyServer(ConnectionFault.Hang, ConnectionFault.Respond(201, """{"name":"j1"}"""));
        var clients = new FaultClients(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromSeconds(1));

        TrainingJob job = (await clients.Jobs.CreateAsync("j1", new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "image" })).Value;

        job.Name.Should().Be("j1");
        server.Requests.Should().HaveCount(2);
        server.Requests.Select(r => r.Split("\r\n").Single(l => l.StartsWith("Operation-Id:", StringComparison.OrdinalIgnoreCase))).Distinct().Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task CancellingWhileTheServiceIsSilent_EndsTheCallAtOnce_WithoutRetrying(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(ConnectionFault.Hang);
        var clients = new FaultClients(server.Endpoint); // default NetworkTimeout (100 s): only the caller can end this
        using var cancellation = new CancellationTokenSource();

        Task<string?> read = Task.Run(() => target.Read(clients, async, cancellation.Token));
        await server.WaitForRequestsAsync(1);
        cancellation.Cancel();

        await read.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().ContainSingle();
        clients.Clock.Waits.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task CancellingWhileWaitingToRetry_EndsTheCallAtOnce(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(ConnectionFault.Respond(503, """{"error":{"code":"Busy","message":"later"}}""", ("Retry-After", "30")));
        var clients = new FaultClients(server.Endpoint, recordWaits: false); // a real 30-second wait, cut short
        using var cancellation = new CancellationTokenSource();

        Task<string?> read = Task.Run(() => target.Read(clients, async, cancellation.Token));
        await server.WaitForRequestsAsync(1);
        cancellation.Cancel();

        await read.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllNames), MemberType = typeof(FaultTarget))]
    public async Task ASlowResponseWithinTheTimeout_Succeeds(string name)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var service = new MockService();
        service.Server.RespondInTurn(target.Path, Response.Create().WithBody(target.Body).WithDelay(TimeSpan.FromMilliseconds(300)));
        var clients = new FaultClients(service.Endpoint);

        (await target.Read(clients, true, CancellationToken.None)).Should().Be(target.Id);
        service.Requests.Should().ContainSingle();
    }
}
