using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.AotCheck;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 over <see cref="TcpListener"/> (no reflection, so it survives trimming):
/// answers each request with what <see cref="Route"/> returns and records request lines and bodies.
/// </summary>
internal sealed class AotLoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, string, (int Status, string Body)> _route;
    private readonly CancellationTokenSource _stop = new();

    public AotLoopbackServer(Func<string, string, string, (int Status, string Body)> route)
    {
        _route = route;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _ = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    public List<string> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            var buffer = new List<byte>();
            byte[] chunk = new byte[16384];
            try
            {
                while (true)
                {
                    int headEnd;
                    while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
                    {
                        int read = await stream.ReadAsync(chunk, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    string head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray());
                    buffer.RemoveRange(0, headEnd + 4);
                    string[] lines = head.Split("\r\n");
                    string[] requestLine = lines[0].Split(' ');
                    int length = 0;
                    foreach (string line in lines.Skip(1))
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        {
                            length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                        }
                    }

                    while (buffer.Count < length)
                    {
                        int read = await stream.ReadAsync(chunk, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    string body = Encoding.UTF8.GetString(buffer.GetRange(0, length).ToArray());
                    buffer.RemoveRange(0, length);
                    lock (Requests)
                    {
                        Requests.Add(requestLine[0] + " " + requestLine[1] + (body.Length > 0 ? " " + body : string.Empty));
                    }

                    (int status, string responseBody) = _route(requestLine[0], requestLine[1], body);
                    byte[] payload = Encoding.UTF8.GetBytes(responseBody);
                    byte[] responseHead = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nx-ms-request-id: aot\r\n\r\n");
                    await stream.WriteAsync(responseHead, _stop.Token);
                    await stream.WriteAsync(payload, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // the client went away
            }
        }
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (int i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}
