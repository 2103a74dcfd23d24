using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers from pre-encoded responses: no routing framework, no logging,
/// no per-request allocations once a connection runs, so the client under test dominates the numbers (a WireMock
/// or ASP.NET pipeline would not). Keep-alive, <c>Content-Length</c> and chunked request bodies (read and dropped).
/// </summary>
/// <remarks>
/// Routes (paths only; the query is read for <c>after</c>):
/// <list type="bullet">
/// <item><c>GET /v1/fine_tuning/jobs?after=ftjob-N</c>: the page after job N (100 jobs, <see cref="FineTuningPages"/> pages).</item>
/// <item><c>GET /v1/fine_tuning/jobs/{id}</c>: one fine-tuning job.</item>
/// <item><c>GET /api/projects/p/training_jobs?after=grpo-math-N</c>: the page after job N.</item>
/// <item><c>GET /api/projects/p/training_jobs/{name}</c>: one Foundry job; <c>.../content</c>: <see cref="DownloadBytes"/> of data.</item>
/// <item><c>POST /v1/files</c>: drops the body, answers the uploaded file.</item>
/// <item><c>POST /v1/uploads</c>, <c>/v1/uploads/{id}/parts</c> (body dropped), <c>/complete</c>, <c>/cancel</c>: the Uploads API, canned.</item>
/// </list>
/// </remarks>
public sealed class LoopbackServer : IDisposable
{
    public const int PageSize = 100;

    private static readonly byte[] s_fineTuningJobs = "/v1/fine_tuning/jobs"u8.ToArray();
    private static readonly byte[] s_trainingJobs = "/api/projects/p/training_jobs"u8.ToArray();
    private static readonly byte[] s_files = "/v1/files"u8.ToArray();
    private static readonly byte[] s_content = "/content"u8.ToArray();
    private static readonly byte[] s_uploads = "/v1/uploads"u8.ToArray();
    private static readonly byte[] s_parts = "/parts"u8.ToArray();
    private static readonly byte[] s_complete = "/complete"u8.ToArray();
    private static readonly byte[] s_after = "after="u8.ToArray();

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[][] _fineTuningPages;
    private readonly byte[][] _trainingPages;
    private readonly byte[] _fineTuningJob;
    private readonly byte[] _trainingJob;
    private readonly byte[] _uploaded;
    private readonly byte[] _upload = Response("200 OK", """{"object":"upload","id":"upload_bench","filename":"train.jsonl","purpose":"fine-tune","bytes":2147483648,"created_at":1721764800,"expires_at":1721768400,"status":"pending"}"""u8);
    private readonly byte[] _uploadPart = Response("200 OK", """{"object":"upload.part","id":"part_bench","upload_id":"upload_bench","created_at":1721764800}"""u8);
    private readonly byte[] _uploadCompleted = Response("200 OK", """{"object":"upload","id":"upload_bench","filename":"train.jsonl","purpose":"fine-tune","bytes":2147483648,"created_at":1721764800,"expires_at":1721768400,"status":"completed","file":{"object":"file","id":"file-upload","purpose":"fine-tune","filename":"train.jsonl","bytes":2147483648,"created_at":1721764800,"status":"processed"}}"""u8);
    private readonly byte[] _notFound = Response("404 Not Found", """{"error":{"code":"NotFound","message":"no route"}}"""u8);
    private readonly byte[] _downloadHead;
    private readonly byte[] _downloadChunk = new byte[1 << 20];

    public LoopbackServer(int fineTuningPages = 100, int trainingPages = 100, long downloadBytes = 1L << 30, string? fineTuningJob = null, string? trainingJob = null)
    {
        FineTuningPages = fineTuningPages;
        TrainingPages = trainingPages;
        DownloadBytes = downloadBytes;
        _fineTuningPages = new byte[fineTuningPages][];
        for (int i = 0; i < fineTuningPages; i++)
        {
            _fineTuningPages[i] = Response("200 OK", Payloads.FineTuningPayloads.PageUtf8(i * PageSize, PageSize, i < fineTuningPages - 1));
        }

        _trainingPages = new byte[trainingPages][];
        for (int i = 0; i < trainingPages; i++)
        {
            _trainingPages[i] = Response("200 OK", Payloads.FoundryPayloads.PageUtf8(i * PageSize, PageSize, i < trainingPages - 1));
        }

        _fineTuningJob = Response("200 OK", Encoding.UTF8.GetBytes(fineTuningJob ?? Payloads.FineTuningPayloads.Job(7)));
        _trainingJob = Response("200 OK", Encoding.UTF8.GetBytes(trainingJob ?? Payloads.FoundryPayloads.Job(7)));
        _uploaded = Response("200 OK", Encoding.UTF8.GetBytes(Payloads.FineTuningPayloads.UploadedFile));
        _downloadHead = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {downloadBytes}\r\n\r\n");
        for (int i = 0; i < _downloadChunk.Length; i++)
        {
            _downloadChunk[i] = (byte)i;
        }

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int FineTuningPages { get; }

    public int TrainingPages { get; }

    public long DownloadBytes { get; }

    /// <summary>Upload bytes received (bodies of <c>POST /v1/files</c>), for checks.</summary>
    public long UploadedBytes => Interlocked.Read(ref _uploadedBytes);

    private long _uploadedBytes;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
    }

    private static byte[] Response(string status, ReadOnlySpan<byte> body)
    {
        byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        byte[] all = new byte[head.Length + body.Length];
        head.CopyTo(all, 0);
        body.CopyTo(all.AsSpan(head.Length));
        return all;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            connection.NoDelay = true;
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        int filled = 0;
        try
        {
            while (true)
            {
                // Read until the end of the request head.
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        return; // head too large for this server
                    }

                    int read = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                int bodyStart = headEnd + 4;
                (byte[]? response, bool download, long contentLength, bool chunked) = Route(buffer.AsSpan(0, headEnd));
                int leftover = filled - bodyStart;
                Buffer.BlockCopy(buffer, bodyStart, buffer, 0, leftover);
                filled = leftover;
                if (chunked)
                {
                    filled = await DrainChunkedAsync(connection, buffer, filled).ConfigureAwait(false);
                }
                else if (contentLength > 0)
                {
                    filled = await DrainAsync(connection, buffer, filled, contentLength).ConfigureAwait(false);
                }

                if (download)
                {
                    await SendAsync(connection, _downloadHead).ConfigureAwait(false);
                    for (long sent = 0; sent < DownloadBytes; sent += _downloadChunk.Length)
                    {
                        int size = (int)Math.Min(_downloadChunk.Length, DownloadBytes - sent);
                        await SendAsync(connection, _downloadChunk.AsMemory(0, size)).ConfigureAwait(false);
                    }
                }
                else
                {
                    await SendAsync(connection, response!).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the client went away, or the server stops
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            connection.Dispose();
        }
    }

    private async ValueTask SendAsync(Socket connection, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = await connection.SendAsync(data, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Drops a body of known length; returns how many bytes of the next request are already in the buffer.</summary>
    private async ValueTask<int> DrainAsync(Socket connection, byte[] buffer, int filled, long length)
    {
        long remaining = length;
        int inBuffer = (int)Math.Min(filled, remaining);
        remaining -= inBuffer;
        Buffer.BlockCopy(buffer, inBuffer, buffer, 0, filled - inBuffer);
        filled -= inBuffer;
        Interlocked.Add(ref _uploadedBytes, inBuffer);
        while (remaining > 0)
        {
            int read = await connection.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            remaining -= read;
            Interlocked.Add(ref _uploadedBytes, read);
        }

        return filled;
    }

    /// <summary>Drops a chunked body (sizes, data, trailers).</summary>
    private async ValueTask<int> DrainChunkedAsync(Socket connection, byte[] buffer, int filled)
    {
        while (true)
        {
            int lineEnd;
            while ((lineEnd = buffer.AsSpan(0, filled).IndexOf("\r\n"u8)) < 0)
            {
                filled += await ReceiveMoreAsync(connection, buffer, filled).ConfigureAwait(false);
            }

            ReadOnlySpan<byte> sizeText = buffer.AsSpan(0, lineEnd);
            int semicolon = sizeText.IndexOf((byte)';');
            if (semicolon >= 0)
            {
                sizeText = sizeText[..semicolon];
            }

            if (!Utf8Parser.TryParse(sizeText, out long size, out _, 'x'))
            {
                throw new SocketException((int)SocketError.ProtocolNotSupported);
            }

            int consumed = lineEnd + 2;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (size == 0)
            {
                // trailers, up to the empty line
                while (true)
                {
                    while ((lineEnd = buffer.AsSpan(0, filled).IndexOf("\r\n"u8)) < 0)
                    {
                        filled += await ReceiveMoreAsync(connection, buffer, filled).ConfigureAwait(false);
                    }

                    Buffer.BlockCopy(buffer, lineEnd + 2, buffer, 0, filled - lineEnd - 2);
                    filled -= lineEnd + 2;
                    if (lineEnd == 0)
                    {
                        return filled;
                    }
                }
            }

            filled = await DrainAsync(connection, buffer, filled, size + 2).ConfigureAwait(false); // data and its CRLF
            Interlocked.Add(ref _uploadedBytes, -2);
        }
    }

    private async ValueTask<int> ReceiveMoreAsync(Socket connection, byte[] buffer, int filled)
    {
        if (filled == buffer.Length)
        {
            throw new SocketException((int)SocketError.MessageSize);
        }

        int read = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
        return read == 0 ? throw new SocketException((int)SocketError.ConnectionReset) : read;
    }

    private (byte[]? Response, bool Download, long ContentLength, bool Chunked) Route(ReadOnlySpan<byte> head)
    {
        int lineEnd = head.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> requestLine = lineEnd < 0 ? head : head[..lineEnd];
        int firstSpace = requestLine.IndexOf((byte)' ');
        ReadOnlySpan<byte> target = requestLine[(firstSpace + 1)..];
        target = target[..target.IndexOf((byte)' ')];
        int question = target.IndexOf((byte)'?');
        ReadOnlySpan<byte> path = question < 0 ? target : target[..question];
        ReadOnlySpan<byte> query = question < 0 ? default : target[(question + 1)..];
        ReadOnlySpan<byte> headers = lineEnd < 0 ? default : head[(lineEnd + 2)..];
        long contentLength = HeaderNumber(headers, "content-length:"u8);
        bool chunked = Contains(headers, "transfer-encoding: chunked"u8);

        if (path.SequenceEqual(s_fineTuningJobs))
        {
            return (_fineTuningPages[PageAfter(query, _fineTuningPages.Length)], false, 0, false);
        }

        if (path.SequenceEqual(s_trainingJobs))
        {
            return (_trainingPages[PageAfter(query, _trainingPages.Length)], false, 0, false);
        }

        if (path.StartsWith(s_fineTuningJobs))
        {
            return (_fineTuningJob, false, 0, false);
        }

        if (path.StartsWith(s_trainingJobs))
        {
            return path.EndsWith(s_content) ? (null, true, 0, false) : (_trainingJob, false, 0, false);
        }

        if (path.StartsWith(s_uploads))
        {
            byte[] answer = path.SequenceEqual(s_uploads) ? _upload : path.EndsWith(s_parts) ? _uploadPart : path.EndsWith(s_complete) ? _uploadCompleted : _upload;
            return (answer, false, contentLength, chunked);
        }

        if (path.SequenceEqual(s_files))
        {
            return (_uploaded, false, contentLength, chunked);
        }

        return (_notFound, false, contentLength, chunked);
    }

    /// <summary>The page that follows <c>after=...-N</c> (the digits at the end of the id): N / page size + 1; page 0 without a cursor.</summary>
    private static int PageAfter(ReadOnlySpan<byte> query, int pages)
    {
        int at = query.IndexOf(s_after);
        if (at < 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> value = query[(at + s_after.Length)..];
        int end = value.IndexOf((byte)'&');
        value = end < 0 ? value : value[..end];
        int dash = value.LastIndexOf((byte)'-');
        Utf8Parser.TryParse(value[(dash + 1)..], out int index, out _);
        return Math.Min(index / PageSize + 1, pages - 1);
    }

    private static long HeaderNumber(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> nameWithColon)
    {
        int at = IndexOfIgnoreCase(headers, nameWithColon);
        if (at < 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> value = headers[(at + nameWithColon.Length)..].TrimStart((byte)' ');
        Utf8Parser.TryParse(value, out long number, out _);
        return number;
    }

    private static bool Contains(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> lowerText) => IndexOfIgnoreCase(headers, lowerText) >= 0;

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        for (int i = 0; i + lower.Length <= text.Length; i++)
        {
            int j = 0;
            while (j < lower.Length && (text[i + j] | 0x20) == (lower[j] | 0x20))
            {
                j++;
            }

            if (j == lower.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
