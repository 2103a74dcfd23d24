using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A read-only, seekable view of <c>[offset, offset + length)</c> of a seekable stream: one part of a multi-part
/// upload, streamed from the source and never buffered. Slices of one caller's stream share it through a lock (each
/// read seeks to where the slice is); a slice of its own file stream (a path upload) needs none and owns it.
/// </summary>
internal sealed class ContentSlice : Stream
{
    private readonly Stream _source;
    private readonly long _offset;
    private readonly object? _gate;
    private readonly bool _ownsSource;
    private long _position;

    /// <param name="source">A seekable stream.</param>
    /// <param name="offset">Where the slice starts in <paramref name="source"/>.</param>
    /// <param name="length">The length of the slice.</param>
    /// <param name="gate">The lock shared by the slices of one stream; null when the slice alone reads it.</param>
    /// <param name="ownsSource">Whether disposing the slice disposes the source.</param>
    public ContentSlice(Stream source, long offset, long length, object? gate, bool ownsSource)
    {
        _source = source;
        _offset = offset;
        Length = length;
        _gate = gate;
        _ownsSource = ownsSource;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 && value <= Length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int wanted = Wanted(count);
        if (wanted == 0)
        {
            return 0;
        }

        int read;
        if (_gate is null)
        {
            _source.Position = _offset + _position;
            read = _source.Read(buffer, offset, wanted);
        }
        else
        {
            lock (_gate)
            {
                _source.Position = _offset + _position;
                read = _source.Read(buffer, offset, wanted);
            }
        }

        _position += read;
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_gate is not null)
        {
            // A shared stream cannot be read by two slices at once; its reads are short (one chunk), so a lock is cheaper than a queue.
            return Read(buffer, offset, count);
        }

        int wanted = Wanted(count);
        if (wanted == 0)
        {
            return 0;
        }

        _source.Position = _offset + _position;
        int read = await _source.ReadAsync(buffer, offset, wanted, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSource)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Wanted(int count) => (int)Math.Min(count, Length - _position);
}
