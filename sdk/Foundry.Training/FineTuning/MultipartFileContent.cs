using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
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

    /// <summary>A file upload (<c>POST /files</c>): the <c>purpose</c> field, the optional expiry and the <c>file</c> part.</summary>
    public MultipartFileContent(Stream file, string fileName, string purpose, IProgress<long>? progress, bool ownsFile, FineTuningFileExpiration? expiresAfter = null)
        : this(file, "file", fileName, UploadFields(purpose, expiresAfter), progress, ownsFile)
    {
        Purpose = purpose;
    }

    private MultipartFileContent(Stream file, string fileField, string fileName, IEnumerable<KeyValuePair<string, string>> fields, IProgress<long>? progress, bool ownsFile)
    {
        _file = file;
        FileName = fileName;
        _origin = file.CanSeek ? file.Position : -1;
        _progress = progress;
        _ownsFile = ownsFile;
        string boundary = "FoundryTraining-" + Guid.NewGuid().ToString("N");
        ContentType = "multipart/form-data; boundary=" + boundary;
        var head = new StringBuilder();
        foreach (KeyValuePair<string, string> field in fields)
        {
            head.Append("--").Append(boundary).Append(CrLf)
                .Append("Content-Disposition: form-data; name=\"").Append(field.Key).Append('"').Append(CrLf).Append(CrLf)
                .Append(field.Value).Append(CrLf);
        }

        head.Append("--").Append(boundary).Append(CrLf)
            .Append("Content-Disposition: form-data; name=\"").Append(fileField).Append("\"; filename=\"").Append(Quote(fileName)).Append('"').Append(CrLf)
            .Append("Content-Type: application/octet-stream").Append(CrLf).Append(CrLf);
        _head = Encoding.UTF8.GetBytes(head.ToString());
        _tail = Encoding.UTF8.GetBytes(CrLf + "--" + boundary + "--" + CrLf);
    }

    /// <summary>
    /// A part of the Uploads API (<c>POST /uploads/{id}/parts</c>): the <c>data</c> field alone. A slice of a file
    /// is owned by its part; a caller's stream is not.
    /// </summary>
    public static MultipartFileContent ForPart(Stream data, IProgress<long>? progress, bool ownsData) =>
        new(data, "data", "part", Array.Empty<KeyValuePair<string, string>>(), progress, ownsData);

    /// <summary>The file name sent in the <c>file</c> part.</summary>
    public string FileName { get; }

    /// <summary>The <c>purpose</c> field of a file upload; null for a part.</summary>
    public string? Purpose { get; }

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

    private static IEnumerable<KeyValuePair<string, string>> UploadFields(string purpose, FineTuningFileExpiration? expiresAfter)
    {
        yield return new KeyValuePair<string, string>("purpose", purpose);
        if (expiresAfter is not null)
        {
            // Nested form fields, as the OpenAI platform reads them (expires_after[anchor], expires_after[seconds]).
            yield return new KeyValuePair<string, string>("expires_after[anchor]", expiresAfter.Anchor ?? FineTuningFileExpiration.CreatedAtAnchor);
            yield return new KeyValuePair<string, string>("expires_after[seconds]", (expiresAfter.Seconds ?? 0).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Escapes a file name for a quoted header parameter; line breaks would end the header, so they are refused earlier.</summary>
    private static string Quote(string fileName) => fileName.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
