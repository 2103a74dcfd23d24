using System.Net;
using System.Net.Sockets;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// The shared part of the raw HTTP/1.1 test servers: a listener on 127.0.0.1 with a free port, an accept loop that
/// hands each connection to <see cref="ServeAsync"/> on its own task, and a stop that ends waits and the loop. The
/// raw servers cover what WireMock.Net cannot: transport faults, and bodies too large to hold in memory.
/// </summary>
public abstract class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    protected LoopbackServer()
    {
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
    }

    public Uri Endpoint { get; }

    /// <summary>Cancelled when the server is disposed; connections waiting forever wait on it.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Serves one connection; the socket is closed afterwards.</summary>
    protected abstract Task ServeAsync(Socket socket);

    /// <summary>Starts accepting; derived constructors call it last, once their own state is set.</summary>
    protected void StartAccepting() => _loop = Task.Run(AcceptAsync);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
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

            _ = Task.Run(async () =>
            {
                using (socket)
                {
                    try
                    {
                        await ServeAsync(socket);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
                    {
                        // The client went away (it finished, timed out or was cancelled) or the server is stopping.
                    }
                }
            });
        }
    }
}
