using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Foundry.Training;

/// <summary>Durations are ISO 8601 strings on the wire (<c>PT2H30M</c>, <c>P1DT4H</c>).</summary>
internal sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 duration string but found {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration.", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
