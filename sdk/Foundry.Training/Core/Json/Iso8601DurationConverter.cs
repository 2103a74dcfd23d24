using System;
using System.Text.Json;
using System.Xml;

namespace Foundry.Training;

/// <summary>
/// Durations are ISO 8601 strings on the wire (<c>PT2H30M</c>, <c>P1DT4H</c>). Anything else is unreadable (see
/// <see cref="OptionalScalarConverter{T}"/>: null, with the raw value kept in <see cref="ExtensibleModel.AdditionalProperties"/>).
/// </summary>
internal sealed class Iso8601DurationConverter : OptionalScalarConverter<TimeSpan>
{
    protected override bool TryReadValue(ref Utf8JsonReader reader, out TimeSpan value, out string? problem)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            problem = $"Expected an ISO 8601 duration string but found {reader.TokenType}.";
            return false;
        }

        string text = reader.GetString()!;
        try
        {
            value = XmlConvert.ToTimeSpan(text);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            problem = $"'{text}' is not an ISO 8601 duration.";
            return false;
        }
    }

    protected override void WriteValue(Utf8JsonWriter writer, TimeSpan value) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
