using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>
/// Reads and writes an open enum (a <c>readonly struct</c> wrapping a string) as a JSON string. Any value is accepted
/// and written back as it was received: the SDK never normalizes a service value. A struct without a value (the
/// <see langword="default"/> of a non-nullable property nobody set) is written as <c>null</c> and read back from it.
/// </summary>
/// <typeparam name="T">The open enum type.</typeparam>
internal abstract class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>Wraps a wire value.</summary>
    protected abstract T Create(string value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        return Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        string? text = value.ToString();
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
