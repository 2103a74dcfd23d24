using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// A converter whose values a service may send in a form it cannot read (a timestamp, duration or date out of its
/// format, a URI <see cref="Uri"/> rejects, an open enum that is not a string), and that can give each model property
/// of its type a <see cref="LenientPropertyConverter{T}"/>. <see cref="ModelJsonResolver"/> finds it on the property
/// (<c>[JsonConverter]</c>) or through the property's type (<see cref="UnreadableValues.Attach"/>).
/// </summary>
internal interface ILenientConverter
{
    /// <summary>The converter for <paramref name="property"/> of <paramref name="owner"/>, whose type this converter reads.</summary>
    JsonConverter ForProperty(Type owner, JsonPropertyInfo property);
}

/// <summary>Reads the value at the reader's current token without moving the reader.</summary>
/// <returns>False when the token is not a value of the format.</returns>
/// <exception cref="InvalidOperationException">A string token is not valid UTF-8 or holds a lone surrogate escape.</exception>
internal delegate bool LenientRead<T>(ref Utf8JsonReader reader, out T value);

/// <summary>
/// The converter of one model property: a value it cannot read reads as no value (<see langword="null"/>, or the
/// <see langword="default"/> of an open enum), and its raw JSON goes to <see cref="UnreadableValues"/>, which keeps it
/// in the model's <see cref="ExtensibleModel.AdditionalProperties"/> under the property's wire name. One malformed value
/// must not throw away a page of a hundred good items, and the value is still there, written back as it came.
/// </summary>
/// <typeparam name="T">The property's type.</typeparam>
internal sealed class LenientPropertyConverter<T> : JsonConverter<T>, IUnreadableProperty
{
    private readonly LenientRead<T> _read;
    private readonly Action<Utf8JsonWriter, T, JsonSerializerOptions> _write;
    private readonly Type _owner;
    private readonly Func<object, object?>? _get;

    /// <param name="read">Reads a value of the format.</param>
    /// <param name="write">Writes a value of the format.</param>
    /// <param name="owner">The model type the property belongs to.</param>
    /// <param name="property">The property.</param>
    public LenientPropertyConverter(LenientRead<T> read, Action<Utf8JsonWriter, T, JsonSerializerOptions> write, Type owner, JsonPropertyInfo property)
    {
        _read = read;
        _write = write;
        _owner = owner;
        _get = property.Get;
        Name = property.Name;
    }

    /// <summary>The property's wire name.</summary>
    public string Name { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        bool read;
        T value;
        try
        {
            read = _read(ref reader, out value);
        }
        catch (InvalidOperationException)
        {
            read = false; // text that is not valid UTF-8: unreadable like any other value
            value = default!;
        }

        if (read)
        {
            return value;
        }

        JsonElement raw = JsonElement.ParseValue(ref reader);
        if (!UnreadableValues.SetAside(_owner, this, raw))
        {
            // No model of the owner's type is being read on this thread (never for the SDK's own reads, which are
            // synchronous): rather than lose the value, fail as the strict converter would. The value stays out of the
            // message: it may be a URI with a signature.
            throw new JsonException($"The value of '{Name}' is not a valid {Nullable.GetUnderlyingType(typeof(T))?.Name ?? typeof(T).Name}.");
        }

        return default!;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value, options);

    /// <summary>Whether <paramref name="model"/>'s property holds a value (not null, not an open enum's default).</summary>
    public bool HasValue(object model) => _get?.Invoke(model) is T value && !EqualityComparer<T>.Default.Equals(value, default!);
}
