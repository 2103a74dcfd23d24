using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>
/// Reads <see cref="double"/> values as System.Text.Json does, but rejects numbers beyond its range: System.Text.Json
/// reads <c>1e400</c> as infinity, which no JSON writer can write back, so a model read from such a document could
/// never be sent or saved. Such a number is malformed input like any other (<see cref="JsonException"/>).
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadFinite(ref reader);

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>The number at the reader, which must be finite.</summary>
    /// <exception cref="JsonException">The token is not a number, or the number is outside the range of <see cref="double"/>.</exception>
    public static double ReadFinite(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number but found {reader.TokenType}.");
        }

        double value = reader.GetDouble();
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new JsonException($"The number at byte {reader.TokenStartIndex} is outside the range of a double.");
        }

        return value;
    }
}
