using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace Foundry.Training;

/// <summary>
/// Reads and writes an open enum (a <c>readonly struct</c> wrapping a string) as a JSON string. Any value is accepted
/// and written back as it was received: the SDK never normalizes a service value. A struct without a value (the
/// <see langword="default"/> of a non-nullable property nobody set) is written as <c>null</c> and read back from it.
/// </summary>
/// <remarks>
/// <para>
/// A value that is not a string (<c>"status": 7</c>, from a service that writes its enums as numbers) is a
/// <see cref="JsonException"/> for this converter alone; every model property of an open enum type gets a
/// <see cref="LenientPropertyConverter{T}"/> instead (<see cref="ForProperty"/>), which reads it as no value and keeps
/// it in the model's <see cref="ExtensibleModel.AdditionalProperties"/>.
/// </para>
/// <para>
/// The values a converter reads are remembered by their UTF-8 bytes (the first <see cref="MaxRemembered"/> distinct
/// ones), so reading a value seen before compares bytes and allocates nothing: a fine-tuning job carries four to six
/// open enums, a page a hundred times that, nearly always the same few values.
/// </para>
/// </remarks>
/// <typeparam name="T">The open enum type.</typeparam>
internal abstract class OpenEnumConverter<T> : JsonConverter<T>, ILenientConverter
    where T : struct
{
    /// <summary>Bounds what a converter remembers, whatever values a service sends.</summary>
    internal const int MaxRemembered = 32;

    // Copy-on-write: readers scan a snapshot without locking; a lost race only forgets one value.
    private Remembered[] _remembered = Array.Empty<Remembered>();

    /// <summary>Wraps a wire value.</summary>
    protected abstract T Create(string value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryRead(ref reader, out T value) ? value : throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");

    public JsonConverter ForProperty(Type owner, JsonPropertyInfo property) =>
        property.PropertyType == typeof(T)
            ? new LenientPropertyConverter<T>(TryRead, Write, owner, property)
            : new LenientPropertyConverter<T?>(TryReadOptional, WriteOptional, owner, property);

    /// <summary>Reads a string (or <c>null</c>, as no value); false for any other token.</summary>
    private bool TryRead(ref Utf8JsonReader reader, out T value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            value = Create(reader.GetString()!);
            return true;
        }

        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        Remembered[] remembered = Volatile.Read(ref _remembered);
        foreach (Remembered entry in remembered)
        {
            if (utf8.SequenceEqual(entry.Utf8))
            {
                value = entry.Value;
                return true;
            }
        }

        value = Create(reader.GetString()!); // throws on invalid UTF-8: such a value is never remembered
        if (remembered.Length < MaxRemembered)
        {
            var grown = new Remembered[remembered.Length + 1];
            remembered.CopyTo(grown, 0);
            grown[remembered.Length] = new Remembered(utf8.ToArray(), value);
            Interlocked.CompareExchange(ref _remembered, grown, remembered);
        }

        return true;
    }

    /// <summary>For a nullable property (never called with a <c>null</c> token, which System.Text.Json reads itself).</summary>
    private bool TryReadOptional(ref Utf8JsonReader reader, out T? value)
    {
        bool read = TryRead(ref reader, out T present);
        value = read ? present : null;
        return read;
    }

    private void WriteOptional(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is T present)
        {
            Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
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

    private readonly struct Remembered
    {
        public Remembered(byte[] utf8, T value)
        {
            Utf8 = utf8;
            Value = value;
        }

        public byte[] Utf8 { get; }

        public T Value { get; }
    }
}
