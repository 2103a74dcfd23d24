using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Calendar dates (<c>"2025-06-30"</c>, JSON schema <c>format: date</c>) as midnight UTC, written back as dates.</summary>
internal sealed class DateOnlyConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string but found {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset date))
        {
            return date;
        }

        throw new JsonException($"'{text}' is not a date (yyyy-MM-dd).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
