using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for very large multipart uploads. Unlike WireMock (or HttpListener, whose
/// chunked decoder copies every chunk) it keeps nothing: it reads the body through one reused buffer, checks every
/// file byte against <see cref="PatternStream.Expected"/> and counts them, so a 256 MiB upload costs the test process a
/// few kilobytes. It answers every request with <c>201</c> and a fixed JSON body.
/// </summary>
public sealed class CountingUploadServer : LoopbackServer
{
    private readonly byte[] _response;

    public CountingUploadServer(string responseJson)
    {
        byte[] json = Encoding.UTF8.GetBytes(responseJson);
        _response = Encoding.ASCII.GetBytes($"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n").Concat(json).ToArray();
        StartAccepting();
    }

    /// <summary>What the server saw of each request, in order.</summary>
    public List<ReceivedUpload> Uploads { get; } = new();

    protected override async Task ServeAsync(Socket socket)
    {
        using var network = new NetworkStream(socket, ownsSocket: false);
        var reader = new ByteReader(network);
        while (await reader.ReadLineAsync() is { Length: > 0 } requestLine)
        {
            ReceivedUpload upload = await ReadRequestAsync(requestLine, reader);
            lock (Uploads)
            {
                Uploads.Add(upload);
            }

            await network.WriteAsync(_response);
        }
    }

    private static async Task<ReceivedUpload> ReadRequestAsync(string requestLine, ByteReader reader)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string line;
        while ((line = await reader.ReadLineAsync()).Length > 0)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        string contentType = headers.GetValueOrDefault("Content-Type", string.Empty);
        var body = new MultipartCounter(contentType[(contentType.IndexOf("boundary=", StringComparison.Ordinal) + "boundary=".Length)..]);
        headers.TryGetValue("Content-Length", out string? contentLength);
        headers.TryGetValue("Transfer-Encoding", out string? transferEncoding);
        if (contentLength is not null)
        {
            await reader.CopyAsync(long.Parse(contentLength, CultureInfo.InvariantCulture), body);
        }
        else
        {
            long size;
            while ((size = long.Parse((await reader.ReadLineAsync()).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)) > 0)
            {
                await reader.CopyAsync(size, body);
                await reader.ReadLineAsync();
            }

            while ((await reader.ReadLineAsync()).Length > 0)
            {
                // trailers
            }
        }

        return new ReceivedUpload(requestLine.Split(' ')[1], contentLength, transferEncoding, body.Head, body.FileBytes, body.TotalBytes, body.Complete());
    }

    /// <summary>Reads lines and body bytes from a connection through one buffer.</summary>
    private sealed class ByteReader
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[65536];
        private int _start;
        private int _end;

        public ByteReader(Stream stream) => _stream = stream;

        /// <summary>The next line without its CRLF; empty at the end of the stream.</summary>
        public async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    return line.ToString();
                }

                char c = (char)_buffer[_start++];
                if (c == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append(c);
            }
        }

        public async Task CopyAsync(long count, MultipartCounter target)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new IOException("The body ended early.");
                }

                int n = (int)Math.Min(count, _end - _start);
                target.Feed(_buffer.AsSpan(_start, n));
                _start += n;
                count -= n;
            }
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}

/// <summary>
/// Consumes a <c>multipart/form-data</c> body with a purpose field and one file part: keeps the headers up to the file
/// content, then checks and counts the file bytes, holding back the last bytes that may be the closing boundary.
/// </summary>
public sealed class MultipartCounter
{
    private readonly byte[] _tail;
    private readonly List<byte> _head = new();
    private readonly byte[] _window;
    private int _headerEnds;
    private int _pending;
    private bool _valid = true;

    public MultipartCounter(string boundary)
    {
        _tail = Encoding.ASCII.GetBytes("\r\n--" + boundary + "--\r\n");
        _window = new byte[_tail.Length + 65536];
    }

    public string Head => Encoding.UTF8.GetString(_head.ToArray());

    public long FileBytes { get; private set; }

    public long TotalBytes { get; private set; }

    public void Feed(ReadOnlySpan<byte> data)
    {
        TotalBytes += data.Length;
        while (_headerEnds < 2 && !data.IsEmpty)
        {
            _head.Add(data[0]);
            data = data[1..];
            if (_head.Count >= 4 && _head[^1] == '\n' && _head[^2] == '\r' && _head[^3] == '\n' && _head[^4] == '\r')
            {
                _headerEnds++;
            }
        }

        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, _window.Length - _pending);
            data[..n].CopyTo(_window.AsSpan(_pending));
            data = data[n..];
            int available = _pending + n;
            int content = Math.Max(0, available - _tail.Length);
            _valid &= _window.AsSpan(0, content).SequenceEqual(PatternStream.Expected(FileBytes, content));

            FileBytes += content;
            _window.AsSpan(content, available - content).CopyTo(_window);
            _pending = available - content;
        }
    }

    /// <summary>Whether every file byte matched and the body ended with the closing boundary.</summary>
    public bool Complete() => _valid && _window.AsSpan(0, _pending).SequenceEqual(_tail);
}

public sealed record ReceivedUpload(string Target, string? ContentLength, string? TransferEncoding, string Head, long FileBytes, long TotalBytes, bool ContentMatches);
