using System;
using System.Globalization;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Calendar dates (<c>"2025-06-30"</c>, JSON schema <c>format: date</c>) as midnight UTC, written back as dates.
/// Anything else is unreadable (see <see cref="OptionalScalarConverter{T}"/>: null, with the raw value kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/>).
/// </summary>
internal sealed class DateOnlyConverter : OptionalScalarConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd";

    protected override bool TryReadValue(ref Utf8JsonReader reader, out DateTimeOffset value, out string? problem)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            problem = $"Expected a date string but found {reader.TokenType}.";
            return false;
        }

        string text = reader.GetString()!;
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            problem = null;
            return true;
        }

        problem = $"'{text}' is not a date (yyyy-MM-dd).";
        return false;
    }

    protected override void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
