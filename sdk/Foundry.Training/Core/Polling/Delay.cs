using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Waiting between polls, for sync and async callers alike, always cancellable. Every poller of the SDK (delete and
/// cancel operations, <c>WaitForCompletion</c> of both clients, <c>WaitForProcessed</c>, <c>WatchAsync</c>) takes its
/// wait from <see cref="ForNextPoll"/>, so they all follow one rule.
/// </summary>
internal static class Delay
{
    /// <summary>
    /// The shortest wait a service's hint can bring us down to when the caller gave no interval: a <c>Retry-After: 0</c>
    /// on an operation that never finishes must not turn into back-to-back polling.
    /// </summary>
    public static readonly TimeSpan MinimumServiceDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The wait before the next poll after <paramref name="response"/>:
    /// <list type="bullet">
    /// <item>with a caller's <paramref name="pollingInterval"/>: that interval, or the service's hint
    /// (<c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, <c>Retry-After</c>) when it asks for more — the caller's
    /// interval is a floor, as in Azure.Core's own operation poller;</item>
    /// <item>without one: the service's hint, but never less than <see cref="MinimumServiceDelay"/>; with no hint,
    /// <paramref name="defaultInterval"/>;</item>
    /// <item>never more than <paramref name="maximum"/> (or the caller's interval, when that is longer).</item>
    /// </list>
    /// </summary>
    /// <param name="response">The last poll's response.</param>
    /// <param name="pollingInterval">The interval the caller asked for, or null.</param>
    /// <param name="defaultInterval">The wait when neither the caller nor the service says.</param>
    /// <param name="maximum">The longest wait a service's hint can impose.</param>
    /// <param name="time">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    public static TimeSpan ForNextPoll(Response response, TimeSpan? pollingInterval, TimeSpan defaultInterval, TimeSpan maximum, TimeProvider time)
    {
        TimeSpan? hint = RetryAfter.GetDelay(response, time.GetUtcNow());
        TimeSpan floor = pollingInterval ?? MinimumServiceDelay;
        TimeSpan delay = hint is TimeSpan requested ? Max(requested, floor) : pollingInterval ?? defaultInterval;
        TimeSpan cap = Max(maximum, pollingInterval ?? TimeSpan.Zero);
        delay = delay > cap ? cap : delay;
        return delay > ServiceRetryPolicy.LongestWait ? ServiceRetryPolicy.LongestWait : delay;
    }

    /// <summary>Waits <paramref name="delay"/> on <paramref name="time"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async ValueTask WaitAsync(TimeSpan delay, TimeProvider time, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (!async && time == TimeProvider.System)
        {
            // A sync caller blocks its own thread only: no timer callback on the thread pool to wait for.
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

#if NET8_0_OR_GREATER
        Task wait = Task.Delay(delay, time, cancellationToken);
#else
        Task wait = time.Delay(delay, cancellationToken);
#endif
        if (async)
        {
            await wait.ConfigureAwait(false);
        }
        else
        {
            wait.GetAwaiter().GetResult();
        }
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
