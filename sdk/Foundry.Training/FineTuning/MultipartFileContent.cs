using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A <c>multipart/form-data</c> body with a <c>purpose</c> field and a <c>file</c> part that streams the caller's
/// stream in chunks: nothing is buffered, so a multi-gigabyte file costs one copy buffer. The length is known (and sent
/// as <c>Content-Length</c>) when the stream is seekable; otherwise the body is sent chunked. A seekable stream is
/// rewound for each attempt so retries resend it whole; a non-seekable one can be sent once. It records whether the last
/// attempt sent it whole, and how many file bytes that was: the retry policy resends a body that was cut off, and the
/// files client looks for a file of that size when the response to a whole body was lost.
/// </summary>
internal sealed class MultipartFileContent : RequestContent, ITrackedRequestContent
{
    private const int ChunkSize = 81920;
    private const string CrLf = "\r\n";

    private readonly Stream _file;
    private readonly long _origin;
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly IProgress<long>? _progress;
    private readonly bool _ownsFile;
    private bool _written;
    private long _sentWhole = -1;

    public MultipartFileContent(Stream file, string fileName, string purpose, IProgress<long>? progress, bool ownsFile)
    {
        _file = file;
        FileName = fileName;
        Purpose = purpose;
        _origin = file.CanSeek ? file.Position : -1;
        _progress = progress;
        _ownsFile = ownsFile;
        string boundary = "FoundryTraining-" + Guid.NewGuid().ToString("N");
        ContentType = "multipart/form-data; boundary=" + boundary;
        _head = Encoding.UTF8.GetBytes(
            "--" + boundary + CrLf +
            "Content-Disposition: form-data; name=\"purpose\"" + CrLf + CrLf +
            purpose + CrLf +
            "--" + boundary + CrLf +
            "Content-Disposition: form-data; name=\"file\"; filename=\"" + Quote(fileName) + "\"" + CrLf +
            "Content-Type: application/octet-stream" + CrLf + CrLf);
        _tail = Encoding.UTF8.GetBytes(CrLf + "--" + boundary + "--" + CrLf);
    }

    /// <summary>The file name sent in the <c>file</c> part.</summary>
    public string FileName { get; }

    /// <summary>The <c>purpose</c> field.</summary>
    public string Purpose { get; }

    /// <summary>The <c>Content-Type</c> header value, with the boundary.</summary>
    public string ContentType { get; }

    /// <summary>Whether the body can be sent again (a retry): only when the stream can be rewound.</summary>
    public bool IsReplayable => _file.CanSeek;

    /// <summary>Whether the last attempt wrote the body to its end.</summary>
    public bool WasSentWhole => Interlocked.Read(ref _sentWhole) >= 0;

    /// <summary>The number of file bytes the last attempt sent whole, or null when it was cut off (or never started).</summary>
    public long? SentFileLength => Interlocked.Read(ref _sentWhole) is long length and >= 0 ? length : null;

    public override bool TryComputeLength(out long length)
    {
        if (_file.CanSeek)
        {
            length = _head.Length + Math.Max(0, _file.Length - _origin) + _tail.Length;
            return true;
        }

        length = 0;
        return false;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken) =>
        WriteToAsync(stream, async: false, cancellationToken).EnsureCompleted();

    public override Task WriteToAsync(Stream stream, CancellationToken cancellationToken) =>
        WriteToAsync(stream, async: true, cancellationToken).AsTask();

    public override void Dispose()
    {
        if (_ownsFile)
        {
            _file.Dispose();
        }
    }

    private async ValueTask WriteToAsync(Stream stream, bool async, CancellationToken cancellationToken)
    {
        Rewind();
        Interlocked.Exchange(ref _sentWhole, -1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await WriteAsync(stream, _head, _head.Length, async, cancellationToken).ConfigureAwait(false);
            long sent = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read = async
                    ? await _file.ReadAsync(buffer, 0, ChunkSize, cancellationToken).ConfigureAwait(false)
                    : _file.Read(buffer, 0, ChunkSize);
                if (read == 0)
                {
                    break;
                }

                await WriteAsync(stream, buffer, read, async, cancellationToken).ConfigureAwait(false);
                sent += read;
                _progress?.Report(sent);
            }

            await WriteAsync(stream, _tail, _tail.Length, async, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _sentWhole, sent);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Rewind()
    {
        if (_file.CanSeek)
        {
            _file.Position = _origin;
        }
        else if (_written)
        {
            throw new InvalidOperationException("The upload stream cannot seek, so its content cannot be sent again.");
        }

        _written = true;
    }

    private static async ValueTask WriteAsync(Stream stream, byte[] bytes, int count, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await stream.WriteAsync(bytes, 0, count, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.Write(bytes, 0, count);
        }
    }

    /// <summary>Escapes a file name for a quoted header parameter; line breaks would end the header, so they are refused earlier.</summary>
    private static string Quote(string fileName) => fileName.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
