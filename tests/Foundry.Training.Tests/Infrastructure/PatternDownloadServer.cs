using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every GET with <see cref="Length"/> bytes of
/// <see cref="PatternStream"/> content, written from one reused buffer. Unlike WireMock, which holds each response
/// body in memory, it costs the test process a few kilobytes whatever the size, so a test can measure what the
/// downloading side allocates.
/// </summary>
public sealed class PatternDownloadServer : LoopbackServer
{
    public PatternDownloadServer(long length)
    {
        Length = length;
        StartAccepting();
    }

    public long Length { get; }

    /// <summary>The request line and headers of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    protected override async Task ServeAsync(Socket socket)
    {
        using var network = new NetworkStream(socket, ownsSocket: false);
        Requests.Enqueue(await ReadHeadAsync(network));
        byte[] head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n");
        await network.WriteAsync(head);
        byte[] buffer = new byte[65536];
        using var content = new PatternStream(Length, seekable: false);
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            await network.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>Reads the request line and headers (a GET has no body), byte by byte up to the blank line.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream network)
    {
        var head = new StringBuilder();
        byte[] one = new byte[1];
        while (!(head.Length >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await network.ReadAsync(one) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
