using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// Connections that break: resets, empty replies, responses cut short on the wire, and WireMock.Net's own faults. A
/// read is retried through them and succeeds; when they outlast the retries the call ends in
/// <see cref="RequestFailedException"/> with status 0 and the transport error inside. A create that is not safe to
/// repeat is never sent twice.
/// </summary>
public sealed class ConnectionFaultTests
{
    public static TheoryData<string, string> TargetsAndFaults
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (FaultTarget target in FaultTarget.All)
            {
                foreach (string fault in new[] { "reset", "empty reply", "truncated transfer" })
                {
                    data.Add(target.Name, fault);
                }
            }

            return data;
        }
    }

    private static ConnectionFault Fault(string fault, FaultTarget target) => fault switch
    {
        "reset" => ConnectionFault.Reset,
        "empty reply" => ConnectionFault.CloseWithoutResponse,
        _ => ConnectionFault.TruncatedTransfer(200, target.Body),
    };

    [Theory]
    [MemberData(nameof(TargetsAndFaults))]
    public async Task BrokenConnections_AreRetried_AndTheReadSucceeds(string name, string fault)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(Fault(fault, target), Fault(fault, target), ConnectionFault.Respond(200, target.Body));
        var clients = new FaultClients(server.Endpoint);

        (await target.Read(clients, true, CancellationToken.None)).Should().Be(target.Id);
        (await target.Read(clients, false, CancellationToken.None)).Should().Be(target.Id);

        server.Requests.Should().OnlyContain(r => r.StartsWith("GET " + target.Path + "?", StringComparison.Ordinal));
        if (fault != "empty reply")
        {
            // HttpClient itself resends a GET whose connection closed without a byte of response, before our retries see it.
            server.Requests.Should().HaveCount(4);
            clients.Clock.Waits.Should().HaveCount(2);
        }
    }

    [Theory]
    [MemberData(nameof(TargetsAndFaults))]
    public async Task BrokenConnectionsThatOutlastTheRetries_EndInRequestFailedExceptionWithStatus0(string name, string fault)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(Fault(fault, target));
        var clients = new FaultClients(server.Endpoint);

        Func<Task> read = () => target.Read(clients, true, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(0);
        ex.InnerException.Should().NotBeNull();
        ex.Message.Should().NotBeNullOrWhiteSpace();
        if (fault == "empty reply")
        {
            server.Requests.Should().HaveCountGreaterThanOrEqualTo(FaultClients.MaxRetries + 1);
        }
        else
        {
            server.Requests.Should().HaveCount(FaultClients.MaxRetries + 1);
        }
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("empty reply")]
    [InlineData("truncated transfer")]
    public async Task FineTuningCreate_OnABrokenConnection_IsNotResent(string fault)
    {
        const string Created = """{"id":"ftjob-2","object":"fine_tuning.job","status":"pending"}""";
        using var server = new FaultyServer(fault == "truncated transfer" ? ConnectionFault.TruncatedTransfer(201, Created) : Fault(fault, FaultTarget.FineTuningJob), ConnectionFault.Respond(201, Created));
        var clients = new FaultClients(server.Endpoint);

        Func<Task> create = () => clients.FineTuning.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1"));

        (await create.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(0);
        server.Requests.Should().ContainSingle().Which.Should().StartWith("POST /openai/fine_tuning/jobs?");
    }

    [Fact]
    public async Task TrainingJobCreate_OnBrokenConnections_IsResentWithTheSameIdempotencyKey()
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.CloseWithoutResponse, ConnectionFault.Respond(201, """{"name":"j1"}"""));
        var clients = new FaultClients(server.Endpoint);

        TrainingJob job = (await clients.Jobs.CreateAsync("j1", new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "image" })).Value;

        job.Name.Should().Be("j1");
        server.Requests.Should().HaveCount(3);
        server.Requests.Select(OperationId).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
    }

    private static string? OperationId(string request) =>
        request.Split("\r\n").FirstOrDefault(line => line.StartsWith("Operation-Id:", StringComparison.OrdinalIgnoreCase))?.Substring("Operation-Id:".Length).Trim();

    [Theory]
    [MemberData(nameof(FaultTarget.AllNames), MemberType = typeof(FaultTarget))]
    public async Task WireMockFaults_EndInSuccessOrRequestFailedException(string name)
    {
        FaultTarget target = FaultTarget.Named(name);
        foreach (FaultType fault in new[] { FaultType.EMPTY_RESPONSE, FaultType.MALFORMED_RESPONSE_CHUNK })
        {
            using var service = new MockService();
            service.Server.RespondInTurn(target.Path, Response.Create().WithFault(fault), Response.Create().WithBody(target.Body));
            var clients = new FaultClients(service.Endpoint);

            try
            {
                (await target.Read(clients, true, CancellationToken.None)).Should().Be(target.Id);
            }
            catch (RequestFailedException ex)
            {
                // What the fault looks like on the wire decides: a broken transfer is retried (and then succeeds), a
                // complete but empty or garbled 200 is not the promised body.
                ex.Status.Should().Be(200);
                ex.ErrorCode.Should().Be("InvalidResponseBody");
            }
        }
    }
}
