using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// Reads and writes an optional scalar with a wire format of its own (a timestamp, a duration, a date).
/// </summary>
/// <remarks>
/// Used alone (an attribute on a property, options without <see cref="ModelJsonResolver"/>) a value that is not in
/// the format is a <see cref="JsonException"/>. In the SDK's own options the resolver gives each property a
/// <see cref="LenientPropertyConverter{T}"/> instead (<see cref="ForProperty"/>), which reads such a value as null and
/// keeps its raw JSON in the model's <see cref="ExtensibleModel.AdditionalProperties"/>.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class OptionalScalarConverter<T> : JsonConverter<T?>, ILenientConverter
    where T : struct
{
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (TryReadValue(ref reader, out T value, out string? problem))
        {
            return value;
        }

        throw new JsonException(problem);
    }

    public sealed override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is T present)
        {
            WriteValue(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public JsonConverter ForProperty(Type owner, JsonPropertyInfo property) =>
        new LenientPropertyConverter<T?>(TryReadOptional, Write, owner, property);

    /// <summary>Reads the value at the reader's current (non-null) token without moving the reader.</summary>
    /// <returns>False, with what is wrong in <paramref name="problem"/>, when the token is not a value of this format.</returns>
    /// <exception cref="InvalidOperationException">A string token is not valid UTF-8 or holds a lone surrogate escape.</exception>
    protected abstract bool TryReadValue(ref Utf8JsonReader reader, out T value, out string? problem);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);

    private bool TryReadOptional(ref Utf8JsonReader reader, out T? value)
    {
        bool read = TryReadValue(ref reader, out T present, out _);
        value = read ? present : null;
        return read;
    }
}
