using System;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// The client-side wait between attempts: <see cref="RetryOptions.Delay"/>, doubled per retry in
/// <see cref="RetryMode.Exponential"/> mode, never above <see cref="RetryOptions.MaxDelay"/>; Azure.Core's base class
/// adds ±20 % jitter so that clients failing together do not retry together. The options are read on every call,
/// so changing them after the client is built still takes effect.
/// </summary>
internal sealed class RetryBackoff : DelayStrategy
{
    private readonly RetryOptions _options;

    // The cap is applied here, from the live options, so the base class gets no maximum of its own.
    public RetryBackoff(RetryOptions options) : base(maxDelay: TimeSpan.MaxValue) => _options = options;

    protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber)
    {
        double milliseconds = _options.Delay.TotalMilliseconds;
        if (_options.Mode == RetryMode.Exponential)
        {
            milliseconds *= Math.Pow(2, Math.Max(0, retryNumber - 1));
        }

        TimeSpan maximum = _options.MaxDelay < ServiceRetryPolicy.LongestWait ? _options.MaxDelay : ServiceRetryPolicy.LongestWait;
        return milliseconds >= maximum.TotalMilliseconds ? maximum : TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
    }
}
