using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// A request body that streams a range of a file from disk on every attempt, so a retry resends exactly that range and
/// nothing is held in memory but one copy buffer. Reports the bytes it writes (taking back those of an attempt that is
/// started again) so that progress over a whole upload stays right across retries.
/// </summary>
internal sealed class FileRangeContent : RequestContent, ITrackedRequestContent
{
    private const int ChunkSize = 81920;

    private readonly string _path;
    private readonly long _offset;
    private readonly long _length;
    private readonly Action<long>? _progress;
    private long _sentThisAttempt;
    private int _sentWhole;

    public FileRangeContent(string path, long offset, long length, Action<long>? progress)
    {
        _path = path;
        _offset = offset;
        _length = length;
        _progress = progress;
    }

    public bool IsReplayable => true;

    public bool WasSentWhole => Volatile.Read(ref _sentWhole) == 1;

    public override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken) =>
        WriteToAsync(stream, async: false, cancellationToken).EnsureCompleted();

    public override Task WriteToAsync(Stream stream, CancellationToken cancellationToken) =>
        WriteToAsync(stream, async: true, cancellationToken).AsTask();

    public override void Dispose()
    {
    }

    /// <summary>
    /// Opens the file for reading <paramref name="length"/> bytes at <paramref name="offset"/> (shared, so other ranges
    /// read it at the same time). Nothing to read opens nothing: a FIFO or device lists as empty, and opening one could
    /// block.
    /// </summary>
    public static Stream Open(string path, long offset, long length, bool async)
    {
        if (length == 0)
        {
            return Stream.Null;
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, async);
        file.Position = offset;
        return file;
    }

    private async ValueTask WriteToAsync(Stream stream, bool async, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _sentWhole, 0);
        long taken = Interlocked.Exchange(ref _sentThisAttempt, 0);
        if (taken != 0)
        {
            _progress?.Invoke(-taken);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using Stream file = Open(_path, _offset, _length, async);
            long remaining = _length;
            while (remaining > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int want = (int)Math.Min(ChunkSize, remaining);
                int read = async
                    ? await file.ReadAsync(buffer, 0, want, cancellationToken).ConfigureAwait(false)
                    : file.Read(buffer, 0, want);
                if (read == 0)
                {
                    throw new IOException("The file became shorter while it was being uploaded.");
                }

                if (async)
                {
                    await stream.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    stream.Write(buffer, 0, read);
                }

                remaining -= read;
                Interlocked.Add(ref _sentThisAttempt, read);
                _progress?.Invoke(read);
            }

            Volatile.Write(ref _sentWhole, 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
