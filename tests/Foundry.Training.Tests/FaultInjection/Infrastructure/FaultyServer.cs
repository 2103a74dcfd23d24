using Foundry.Training.Tests.Infrastructure;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Tests.FaultInjection.Infrastructure;

/// <summary>What <see cref="FaultyServer"/> does with one connection after reading its request.</summary>
public abstract record ConnectionFault
{
    /// <summary>Closes the connection with a TCP reset (connection reset by peer).</summary>
    public static ConnectionFault Reset { get; } = new ResetFault();

    /// <summary>Closes the connection cleanly without a byte of response (an empty reply).</summary>
    public static ConnectionFault CloseWithoutResponse { get; } = new CloseFault();

    /// <summary>Never answers: the connection stays open until the client gives up or the server is disposed.</summary>
    public static ConnectionFault Hang { get; } = new HangFault();

    /// <summary>Answers normally.</summary>
    public static ConnectionFault Respond(int status, string body, params (string Name, string Value)[] headers) => new RespondFault(status, body, headers, Truncated: false);

    /// <summary>Promises <paramref name="body"/> in <c>Content-Length</c>, sends half of it and closes the connection.</summary>
    public static ConnectionFault TruncatedTransfer(int status, string body) => new RespondFault(status, body, Array.Empty<(string, string)>(), Truncated: true);

    /// <summary>
    /// Promises <paramref name="body"/> in <c>Content-Length</c>, sends its first half and then goes silent with the
    /// connection open (a stalled download), until the client gives up or the server is disposed.
    /// </summary>
    public static ConnectionFault StallMidBody(int status, string body) => new StallFault(new RespondFault(status, body, Array.Empty<(string, string)>(), Truncated: true));

    /// <summary>
    /// Sends exactly <paramref name="response"/> (status line, headers and a body that may contradict them: a lying
    /// <c>Content-Length</c>, a chunked body without its last chunk) and closes the connection once
    /// <paramref name="closeWhen"/> completes (at once when null), with a TCP reset when <paramref name="reset"/> is true.
    /// A reset discards what the client has not read yet, so a test that needs bytes to arrive first waits for them.
    /// </summary>
    public static ConnectionFault Raw(byte[] response, bool reset = false, Task? closeWhen = null) => new RawFault(response, reset, closeWhen);

    internal sealed record ResetFault : ConnectionFault;

    internal sealed record RawFault(byte[] Response, bool EndWithReset, Task? CloseWhen) : ConnectionFault;

    internal sealed record StallFault(RespondFault HalfResponse) : ConnectionFault;

    internal sealed record CloseFault : ConnectionFault;

    internal sealed record HangFault : ConnectionFault;

    internal sealed record RespondFault(int Status, string Body, (string Name, string Value)[] Headers, bool Truncated) : ConnectionFault;
}

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 for the faults WireMock.Net cannot produce: resets, empty replies, responses cut
/// short on the wire and requests that are never answered. Each connection serves one request and gets the next fault
/// of the script (the last one repeats). Tests wait for requests with <see cref="WaitForRequestsAsync"/>, never sleep.
/// </summary>
public sealed class FaultyServer : LoopbackServer
{
    private readonly List<string> _requests = new();
    private readonly ConnectionFault[] _script;
    private readonly SemaphoreSlim _received = new(0);

    public FaultyServer(params ConnectionFault[] script)
        : this(_ => script)
    {
    }

    /// <summary>A server whose script refers to its own address (for example a listing whose links point back at it).</summary>
    public FaultyServer(Func<Uri, ConnectionFault[]> script)
    {
        ConnectionFault[] faults = script(Endpoint);
        _script = faults.Length == 0 ? new[] { ConnectionFault.Reset } : faults;
        StartAccepting();
    }

    /// <summary>Every request received (request line, headers and body), oldest first.</summary>
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

    /// <summary>Completes once <paramref name="count"/> requests in total have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!await _received.WaitAsync(TimeSpan.FromMinutes(1)))
            {
                throw new TimeoutException($"Only {Requests.Count} of {count} requests arrived.");
            }
        }
    }

    protected override async Task ServeAsync(Socket socket)
    {
        string request = await ReadRequestAsync(socket);
        ConnectionFault fault;
        lock (_requests)
        {
            _requests.Add(request);
            fault = _script[Math.Min(_requests.Count - 1, _script.Length - 1)];
        }

        _received.Release();
        switch (fault)
        {
            case ConnectionFault.ResetFault:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                break;
            case ConnectionFault.CloseFault:
                socket.Shutdown(SocketShutdown.Both);
                break;
            case ConnectionFault.HangFault:
                await Task.Delay(Timeout.Infinite, Stopping);
                break;
            case ConnectionFault.StallFault stall:
                await socket.SendAsync(Encode(stall.HalfResponse), SocketFlags.None);
                await Task.Delay(Timeout.Infinite, Stopping);
                break;
            case ConnectionFault.RawFault raw:
                await socket.SendAsync(raw.Response, SocketFlags.None);
                if (raw.CloseWhen is not null)
                {
                    await raw.CloseWhen.WaitAsync(Stopping);
                }

                if (raw.EndWithReset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                else
                {
                    socket.Shutdown(SocketShutdown.Both);
                }

                break;
            case ConnectionFault.RespondFault respond:
                await socket.SendAsync(Encode(respond), SocketFlags.None);
                socket.Shutdown(SocketShutdown.Both);
                break;
        }
    }

    private static byte[] Encode(ConnectionFault.RespondFault respond)
    {
        byte[] body = Encoding.UTF8.GetBytes(respond.Body);
        var head = new StringBuilder($"HTTP/1.1 {respond.Status} Status\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        foreach ((string name, string value) in respond.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        byte[] sent = respond.Truncated ? body.AsSpan(0, body.Length / 2).ToArray() : body;
        return Encoding.ASCII.GetBytes(head.ToString()).Concat(sent).ToArray();
    }

    /// <summary>Reads the head and, when it announces one, the body of a request.</summary>
    private async Task<string> ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(received.ToArray());
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        string head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
        int length = head.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (int i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }

    protected override void Dispose(bool disposing) => _received.Dispose();
}
