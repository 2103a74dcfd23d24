using System;
using System.Globalization;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Reads how long a service asks the client to wait: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, then
/// <c>Retry-After</c> as seconds or as an HTTP date.
/// </summary>
internal static class RetryAfter
{
    /// <summary>The requested delay, or null when the response asks for none (or asks in a form we cannot read).</summary>
    public static TimeSpan? GetDelay(Response response, DateTimeOffset now)
    {
        foreach (string header in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(header, out string? ms) &&
                double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds) &&
                milliseconds >= 0 && !double.IsInfinity(milliseconds))
            {
                return TimeSpan.FromMilliseconds(Math.Min(milliseconds, TimeSpan.MaxValue.TotalMilliseconds - 1));
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out string? value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value!.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date) ||
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            TimeSpan delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
