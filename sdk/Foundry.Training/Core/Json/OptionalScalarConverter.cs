using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>What <see cref="ModelJsonResolver"/> knows about an <see cref="OptionalScalarConverter{T}"/> of any type.</summary>
internal interface IOptionalScalarConverter
{
    /// <summary>
    /// A converter for one property of <paramref name="owner"/> that reads a value it cannot understand as null and
    /// hands the raw JSON to <see cref="UnreadableValues"/>, instead of failing the whole document.
    /// </summary>
    JsonConverter ForProperty(Type owner, JsonPropertyInfo property);
}

/// <summary>
/// Reads and writes an optional scalar with a wire format of its own (a timestamp, a duration, a date).
/// </summary>
/// <remarks>
/// Used alone (an attribute on a property, options without <see cref="ModelJsonResolver"/>) a value that is not in
/// the format is a <see cref="JsonException"/>. In the SDK's own options the resolver attaches
/// <see cref="ForProperty"/> copies instead, which read such a value as null and keep its raw JSON in the model's
/// <see cref="ExtensibleModel.AdditionalProperties"/> under the property's wire name: one malformed optional value
/// must not throw away a page of a hundred good items, and the value is still there, and written back as it came.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class OptionalScalarConverter<T> : JsonConverter<T?>, IOptionalScalarConverter
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

    public JsonConverter ForProperty(Type owner, JsonPropertyInfo property) => new Lenient(this, owner, property);

    /// <summary>Reads the value at the reader's current (non-null) token without moving the reader.</summary>
    /// <returns>False, with what is wrong in <paramref name="problem"/>, when the token is not a value of this format.</returns>
    /// <exception cref="InvalidOperationException">A string token is not valid UTF-8 or holds a lone surrogate escape.</exception>
    protected abstract bool TryReadValue(ref Utf8JsonReader reader, out T value, out string? problem);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);

    /// <summary>The converter of one property: an unreadable value reads null and its raw JSON is set aside.</summary>
    private sealed class Lenient : JsonConverter<T?>
    {
        private readonly OptionalScalarConverter<T> _format;
        private readonly Type _owner;
        private readonly string _name;
        private readonly Func<object, object?>? _get;

        public Lenient(OptionalScalarConverter<T> format, Type owner, JsonPropertyInfo property)
        {
            _format = format;
            _owner = owner;
            _name = property.Name;
            _get = property.Get;
        }

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            bool read;
            T value;
            try
            {
                read = _format.TryReadValue(ref reader, out value, out _);
            }
            catch (InvalidOperationException)
            {
                read = false; // text that is not valid UTF-8: unreadable like any other value
                value = default;
            }

            if (read)
            {
                return value;
            }

            UnreadableValues.SetAside(_owner, _name, JsonElement.ParseValue(ref reader), _get);
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) => _format.Write(writer, value, options);
    }
}
