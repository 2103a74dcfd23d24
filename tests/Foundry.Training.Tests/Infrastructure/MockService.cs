using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>A WireMock.Net server bound to 127.0.0.1 on a free port; nothing leaves the machine.</summary>
public sealed class MockService : IDisposable
{
    public MockService()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            // Port 0: the listener itself takes a free port, so no other process can take it between a look-up and the bind.
            Urls = new[] { "http://127.0.0.1:0" },
            StartAdminInterface = false,
        });
    }

    public WireMockServer Server { get; }

    public Uri Endpoint => new(Server.Url!);

    /// <summary>The requests the server received, oldest first.</summary>
    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();

    public ILogEntry SingleRequest => Requests.Should().ContainSingle().Subject;

    /// <summary>A port that was free a moment ago; only for tests that need a port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Server.Stop();
}
