using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace Foundry.Training;

/// <summary>
/// Reads a JSON object into a <see cref="DeferredModel{T}"/> by copying its bytes (no parsing beyond the reader's own
/// well-formedness check) and writes one back. On a model property it is lenient, like the SDK's other converters of
/// values a service may send in a form the SDK cannot read (<see cref="ILenientConverter"/>): a value that is not an
/// object reads as null and is kept in the model's <see cref="ExtensibleModel.AdditionalProperties"/>.
/// </summary>
/// <typeparam name="T">The property's model type.</typeparam>
internal sealed class DeferredModelConverter<T> : JsonConverter<DeferredModel<T>?>, ILenientConverter
    where T : class
{
    public override DeferredModel<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryRead(ref reader, ParseOptions(options), out DeferredModel<T>? value)
            ? value
            : throw new JsonException($"Expected a JSON object for {typeof(T).Name} but found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, DeferredModel<T>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer, options);
        }
    }

    public JsonConverter ForProperty(Type owner, JsonPropertyInfo property)
    {
        JsonSerializerOptions options = ParseOptions(property.Options);
        return new LenientPropertyConverter<DeferredModel<T>?>((ref Utf8JsonReader reader, out DeferredModel<T>? value) => TryRead(ref reader, options, out value), Write, owner, property);
    }

    /// <param name="reader">The reader, on the value.</param>
    /// <param name="parseOptions">What the value will be parsed with (<see cref="ParseOptions"/>).</param>
    /// <param name="value">The value, when it is an object.</param>
    private static bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions parseOptions, out DeferredModel<T>? value)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            value = null;
            return false;
        }

        value = new DeferredModel<T>(CopyObject(ref reader), parseOptions);
        return true;
    }

    /// <summary>
    /// The SDK reads with twin options (<see cref="ModelJsonResolver.ReadOptions"/>); parse with the general one, so a
    /// parse does not depend on which twin read the owner.
    /// </summary>
    private static JsonSerializerOptions ParseOptions(JsonSerializerOptions options) =>
        options.TypeInfoResolver is ModelJsonResolver resolver ? resolver.ReadOptions(options, discriminatorFirst: false) : options;

    /// <summary>Copies the object at the reader's <c>{</c> and leaves the reader on its <c>}</c>.</summary>
    private static byte[] CopyObject(ref Utf8JsonReader reader)
    {
#if NET8_0_OR_GREATER
        // A reader over one buffer (the SDK's case: a buffered body) holds the whole object in that buffer, starting at
        // the '{' its ValueSpan points to: skipping checks the object is well-formed and tells its length.
        if (reader.Position.GetObject() is null)
        {
            ref byte start = ref MemoryMarshal.GetReference(reader.ValueSpan);
            long startIndex = reader.TokenStartIndex;
            reader.Skip();
            return MemoryMarshal.CreateReadOnlySpan(ref start, checked((int)(reader.BytesConsumed - startIndex))).ToArray();
        }
#endif
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText());
    }
}
