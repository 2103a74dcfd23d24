using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// A raw HTTP server on 127.0.0.1 that resets (TCP RST) the first <c>resets</c> connections after reading the request,
/// then answers 200 with a fixed JSON body. WireMock.Net's faults still send a response, so this one covers the
/// "connection reset by peer" a real network produces.
/// </summary>
public sealed class ConnectionResetServer : IDisposable
{
    public const string Body = """{"name":"j1"}""";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = new();
    private readonly Task _loop;
    private int _resetsLeft;

    public ConnectionResetServer(int resets)
    {
        _resetsLeft = resets;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The head of every request received (request line and headers), oldest first.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (socket)
            {
                string head = await ReadHeadAsync(socket);
                lock (_requests)
                {
                    _requests.Add(head);
                }

                if (Interlocked.Decrement(ref _resetsLeft) >= 0)
                {
                    socket.LingerState = new LingerOption(true, 0); // close with RST
                    socket.Close();
                    continue;
                }

                byte[] response = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}");
                await socket.SendAsync(response, SocketFlags.None);
                socket.Shutdown(SocketShutdown.Both);
            }
        }
    }

    private static async Task<string> ReadHeadAsync(Socket socket)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
