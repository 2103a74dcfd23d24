using System.Collections.Concurrent;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// A clock that stands still at <see cref="Now"/> and fires every timer at once, recording how long each wait would
/// have been: retry delays are asserted exactly, and tests never sleep.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public RecordingTimeProvider(DateTimeOffset? now = null) => Now = now ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; }

    /// <summary>Every wait requested, oldest first.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>
    /// Called with each wait before it ends: a test moves its own clock on by it (an emulator's, say), so that the
    /// client's polls fall at exact times of that clock and nothing changes between them but what the test does here.
    /// </summary>
    public Action<TimeSpan>? OnWait { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            OnWait?.Invoke(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
