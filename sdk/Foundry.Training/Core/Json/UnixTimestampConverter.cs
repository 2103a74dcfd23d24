using System;
using System.Globalization;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// Timestamps are whole unix seconds on the wire (every spec: Foundry's <c>FoundryTimestamp</c> is
/// <c>@encode(unixTimestamp, int32)</c>, Azure OpenAI and OpenAI <c>integer, format: unixtime</c>). Written as whole
/// seconds, truncated toward the past: sub-second precision is not part of the contract. Read leniently: integers,
/// fractional seconds (kept to the millisecond), digit strings and ISO 8601 strings. Anything else is unreadable (see
/// <see cref="OptionalScalarConverter{T}"/>: null, with the raw value kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/>).
/// </summary>
internal sealed class UnixTimestampConverter : OptionalScalarConverter<DateTimeOffset>
{
    private const double MinMilliseconds = -62135596800000d;
    private const double MaxMilliseconds = 253402300799999d;

    protected override bool TryReadValue(ref Utf8JsonReader reader, out DateTimeOffset value, out string? problem)
    {
        value = default;
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out long seconds):
                return TryFromSeconds(seconds, out value, out problem);
            case JsonTokenType.Number when reader.TryGetDouble(out double fractional):
                return TryFromMilliseconds(fractional * 1000d, out value, out problem);
            case JsonTokenType.String:
                string text = reader.GetString()!;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
                {
                    return TryFromSeconds(parsed, out value, out problem);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
                {
                    return true;
                }

                problem = $"'{text}' is neither unix seconds nor an ISO 8601 timestamp.";
                return false;
            default:
                problem = $"Expected unix seconds but found {reader.TokenType}.";
                return false;
        }
    }

    protected override void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());

    private static bool TryFromSeconds(long seconds, out DateTimeOffset value, out string? problem)
    {
        if (seconds < -62135596800L || seconds > 253402300799L)
        {
            value = default;
            problem = $"Unix timestamp {seconds} is out of range.";
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        problem = null;
        return true;
    }

    private static bool TryFromMilliseconds(double milliseconds, out DateTimeOffset value, out string? problem)
    {
        if (double.IsNaN(milliseconds) || milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
        {
            value = default;
            problem = $"Unix timestamp {(milliseconds / 1000d).ToString(CultureInfo.InvariantCulture)} is out of range.";
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds));
        problem = null;
        return true;
    }
}
