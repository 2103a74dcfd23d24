using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>
/// A download body read as it arrives that survives a broken connection: when the body breaks off (or ends before its
/// <c>Content-Length</c>), the rest is asked for with a range request from the last byte received, only if the file is
/// still the version first read (<c>If-Match</c> with its <c>ETag</c>). Used only for answers whose server advertised
/// ranges (<c>Accept-Ranges: bytes</c>) and a version; anything else is read as it comes. When the server reported the
/// file's MD5, the bytes are hashed as they pass and checked when the body ends.
/// </summary>
internal sealed class ResumableDownloadStream : Stream
{
    private readonly RangeReader _reader;
    private readonly Uri _uri;
    private readonly string _name;
    private readonly string _kind;
    private readonly string _etag;
    private readonly long _length;
    private readonly byte[]? _md5;
    private readonly Md5Hasher? _hasher;
    private readonly ResumableRead _read;
    private Stream _body;
    private RangeResponse? _resumed;
    private long _position;
    private bool _ended;
    private bool _disposed;

    private ResumableDownloadStream(Stream body, RangeReader reader, Uri uri, string name, string kind, string etag, long length, byte[]? md5)
    {
        _body = body;
        _reader = reader;
        _uri = uri;
        _name = name;
        _kind = kind;
        _etag = etag;
        _length = length;
        _md5 = md5;
        _hasher = md5 is null ? null : new Md5Hasher();
        _read = new ResumableRead($"The download of '{name}'", kind + "DownloadIncomplete");
    }

    /// <summary>
    /// The body of <paramref name="response"/> (a whole-file <c>200</c>), resumable when its server advertised ranges and
    /// an <c>ETag</c>; <paramref name="body"/> itself otherwise.
    /// </summary>
    /// <param name="response">The answer whose body <paramref name="body"/> is.</param>
    /// <param name="body">The body, read as it arrives.</param>
    /// <param name="reader">Reads the rest of the file after a break (through the same pipeline as the first request).</param>
    /// <param name="uri">The URL the file was read from (its query included).</param>
    /// <param name="name">The file's name in messages.</param>
    /// <param name="kind">What the file is, the start of the error codes: <c>Artifact</c> gives <c>ArtifactChanged</c>, <c>ArtifactCorrupted</c> and <c>ArtifactDownloadIncomplete</c>.</param>
    public static Stream Wrap(Response response, Stream body, RangeReader reader, Uri uri, string name, string kind)
    {
        string? etag = RangeReader.ETagOf(response);
        bool ranges = response.Headers.TryGetValue("Accept-Ranges", out string? acceptRanges) &&
            acceptRanges.IndexOf("bytes", StringComparison.OrdinalIgnoreCase) >= 0;
        if (response.Status != 200 || etag is null || !ranges)
        {
            return body;
        }

        return new ResumableDownloadStream(body, reader, uri, name, kind, etag, response.Headers.ContentLength ?? -1, RangeReader.Md5Of(response, wholeFile: true));
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length >= 0 ? _length : throw new NotSupportedException("The server did not say how long the file is.");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("The download is read as it arrives.");
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadCoreAsync(buffer, offset, count, async: false, CancellationToken.None).EnsureCompleted();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(buffer, offset, count, async: true, cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The download is read as it arrives.");

    public override void SetLength(long value) => throw new NotSupportedException("The download is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The download is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _body.Dispose();
            _resumed?.Dispose();
            _hasher?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadCoreAsync(byte[] buffer, int offset, int count, bool async, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ResumableDownloadStream));
        }

        if (count == 0 || _ended)
        {
            return 0;
        }

        while (true)
        {
            int read = await _read.ReadAsync(_body, buffer, offset, count, _position, async, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                _position += read;
                _read.Progressed();
                _hasher?.Append(buffer, offset, read);
                return read;
            }

            if (read == 0)
            {
                if (_length < 0 || _position >= _length)
                {
                    _ended = true;
                    Verify();
                    return 0;
                }

                _read.EndedEarly(_position, _length, _position);
            }
            else if (_disposed)
            {
                throw new ObjectDisposedException(nameof(ResumableDownloadStream)); // Disposed under the read: not a break.
            }

            await ResumeAsync(async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks for the rest of the file from <see cref="_position"/>, only from the version first read.</summary>
    private async ValueTask ResumeAsync(bool async, CancellationToken cancellationToken)
    {
        _body.Dispose();
        _resumed?.Dispose();
        _resumed = null;
        _body = Stream.Null;

        RangeResponse next;
        try
        {
            next = await _reader.ReadAsync(_uri, _name, _position, length: null, _etag, async, cancellationToken).ConfigureAwait(false);
        }
        catch (FileChangedException ex)
        {
            throw Changed(ex);
        }

        _resumed = next;
        if (next.PastEnd)
        {
            throw Changed(null); // Nothing at or after the position the file had reached.
        }

        if (!next.Ranged)
        {
            throw RangeReader.IgnoredRange(next, _name, _position);
        }

        _body = next.Content;
    }

    private void Verify()
    {
        if (_hasher is null || _md5 is null)
        {
            return;
        }

        byte[] actual = _hasher.Finish();
        if (!Md5Hasher.Equal(_md5, actual))
        {
            throw ServiceFailure.Create(0, $"The download of '{_name}' has the MD5 {Convert.ToBase64String(actual)} where the server reported {Convert.ToBase64String(_md5)}.", _kind + "Corrupted");
        }
    }

    private RequestFailedException Changed(Exception? inner) =>
        ServiceFailure.Create(0, $"'{_name}' changed on the server while it was being downloaded (at byte {_position}); the bytes read so far are of its earlier version.", _kind + "Changed", inner);
}
