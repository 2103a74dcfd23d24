using System.Diagnostics;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>Read-only pass-through stream; the two read-timeout wrappers the attribution runner compares derive from it.</summary>
public abstract class ReadOnlyWrapperStream : Stream
{
    protected ReadOnlyWrapperStream(Stream inner) => Inner = inner;

    protected Stream Inner { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The attribution runner reads asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>What Azure.Core's timeout stream does per read: re-arm a cancellation timer, read with its token, disarm.</summary>
public sealed class RearmedTimeoutStream : ReadOnlyWrapperStream
{
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _timer = new();

    public RearmedTimeoutStream(Stream inner, TimeSpan timeout)
        : base(inner)
    {
        _timeout = timeout;
        _timer.Token.Register(static s => ((Stream)s!).Dispose(), inner);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _timer.CancelAfter(_timeout);
        try
        {
            return await Inner.ReadAsync(buffer.AsMemory(offset, count), _timer.Token).ConfigureAwait(false);
        }
        finally
        {
            _timer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// The cheaper alternative: each read only records when it started; one timer, armed for the timeout, checks on firing
/// whether a read has been waiting that long (then disposes the inner stream) and otherwise re-arms for the remainder.
/// </summary>
public sealed class WatchdogTimeoutStream : ReadOnlyWrapperStream
{
    private const long Idle = long.MaxValue;
    private readonly long _timeoutTicks;
    private readonly Timer _timer;
    private long _readStarted = Idle;

    public WatchdogTimeoutStream(Stream inner, TimeSpan timeout)
        : base(inner)
    {
        _timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _timer = new Timer(static s => ((WatchdogTimeoutStream)s!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _readStarted, Stopwatch.GetTimestamp());
        ValueTask<int> read = Inner.ReadAsync(buffer, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            Volatile.Write(ref _readStarted, Idle);
            return read;
        }

        return AwaitAsync(read);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> AwaitAsync(ValueTask<int> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _readStarted, Idle);
        }
    }

    private void Check()
    {
        long started = Volatile.Read(ref _readStarted);
        long waited = started == Idle ? 0 : Stopwatch.GetTimestamp() - started;
        if (waited >= _timeoutTicks)
        {
            Inner.Dispose();
            return;
        }

        _timer.Change(TimeSpan.FromSeconds((double)(_timeoutTicks - waited) / Stopwatch.Frequency), Timeout.InfiniteTimeSpan);
    }
}
