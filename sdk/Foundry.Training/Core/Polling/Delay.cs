using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>Waiting between polls, for sync and async callers alike, always cancellable.</summary>
internal static class Delay
{
    /// <summary>The wait before the next poll: what the service asked for, else <paramref name="fallback"/>, never more than <paramref name="maximum"/>.</summary>
    public static TimeSpan ForNextPoll(Response response, TimeSpan fallback, TimeSpan maximum)
    {
        TimeSpan delay = RetryAfter.GetDelay(response, DateTimeOffset.UtcNow) ?? fallback;
        return delay > maximum ? maximum : delay;
    }

    public static async ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (async)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
