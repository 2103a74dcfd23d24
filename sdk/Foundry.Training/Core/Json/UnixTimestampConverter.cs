using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>
/// Timestamps are unix seconds on the wire. Reads integers, fractional seconds and (leniently) ISO 8601 strings;
/// writes whole seconds, or fractional seconds when the value carries milliseconds, so nothing is rounded away.
/// </summary>
internal sealed class UnixTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out long seconds):
                return FromSeconds(seconds);
            case JsonTokenType.Number:
                return FromMilliseconds(reader.GetDouble() * 1000d);
            case JsonTokenType.String:
                string text = reader.GetString()!;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
                {
                    return FromSeconds(parsed);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset iso))
                {
                    return iso;
                }

                throw new JsonException($"'{text}' is neither unix seconds nor an ISO 8601 timestamp.");
            default:
                throw new JsonException($"Expected unix seconds but found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        long milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }

    private static DateTimeOffset FromSeconds(long seconds)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new JsonException($"Unix timestamp {seconds} is out of range.", ex);
        }
    }

    private static DateTimeOffset FromMilliseconds(double milliseconds)
    {
        if (double.IsNaN(milliseconds) || milliseconds < -62135596800000d || milliseconds > 253402300799999d)
        {
            throw new JsonException($"Unix timestamp {milliseconds / 1000d} is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds));
    }
}
