using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>A polymorphic model family: an abstract base declared with <c>[JsonPolymorphic]</c>/<c>[JsonDerivedType]</c>.</summary>
internal interface IPolymorphicFamily
{
    Type BaseType { get; }

    JsonConverter Converter { get; }

    /// <summary>Metadata for the base type backed by <see cref="Converter"/>, for roots and list items.</summary>
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);

    /// <summary>Fixes up a member that was read as its own type rather than through the base; see the implementation.</summary>
    void OnReadAsMember(ExtensibleModel member, JsonSerializerOptions options);
}

/// <summary>
/// Adds forward compatibility to a family declared with <c>[JsonPolymorphic]</c>/<c>[JsonDerivedType]</c>.
/// A known discriminator is read by System.Text.Json's own polymorphism (wherever it appears in the object); an
/// unknown, missing or non-string discriminator lands in <typeparamref name="TUnknown"/>, which keeps the
/// discriminator and every property in its extension data and writes them back unchanged. <typeparamref name="TUnknown"/>
/// is registered with a discriminator-less <c>[JsonDerivedType]</c> so plain System.Text.Json can write it too.
/// </summary>
internal sealed class PolymorphicFamily<TBase, TUnknown> : JsonConverter<TBase>, IPolymorphicFamily
    where TBase : ExtensibleModel
    where TUnknown : TBase
{
    private HashSet<string>? _known;
    private Dictionary<Type, string>? _discriminatorOf;
    private string? _discriminatorName;

    public Type BaseType => typeof(TBase);

    public JsonConverter Converter => this;

    public JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options)
    {
        JsonTypeInfo<TBase> info = JsonMetadataServices.CreateValueInfo<TBase>(options, this);

        // This converter reads and writes the discriminator itself; System.Text.Json must not add its own polymorphism on top.
        info.PolymorphismOptions = null;
        return info;
    }

    /// <summary>
    /// A member read as its own type (a document read as <c>CircleShape</c> rather than <c>Shape</c>) sees its discriminator
    /// as an unknown property: drop it so it is not written twice, and reject a document of another kind.
    /// </summary>
    public void OnReadAsMember(ExtensibleModel member, JsonSerializerOptions options)
    {
        EnsureKnownDiscriminators(options.GetTypeInfo(typeof(TBase)));
        if (member is TUnknown
            || !_discriminatorOf!.TryGetValue(member.GetType(), out string? expected)
            || member.AdditionalPropertiesJson is not { } additional
            || !additional.TryGetValue(_discriminatorName!, out JsonElement actual))
        {
            return;
        }

        if (actual.ValueKind != JsonValueKind.String || !ValueEquals(actual, expected))
        {
            throw new JsonException($"The document's \"{_discriminatorName}\" is {JsonText.Describe(actual)}, not \"{expected}\" as {member.GetType().Name} requires.");
        }

        additional.Remove(_discriminatorName!);
    }

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(TBase).Name} but found {reader.TokenType}.");
        }

        EnsureKnownDiscriminators(options.GetTypeInfo(typeof(TBase)));
        string? discriminator = PeekDiscriminator(reader, _discriminatorName!, out bool first);
        if (discriminator is not null && _known!.Contains(discriminator))
        {
            JsonSerializerOptions readOptions = options.TypeInfoResolver is ModelJsonResolver resolver ? resolver.ReadOptions(options, first) : options;
            return ReadWith<TBase>(ref reader, readOptions);
        }

        return ReadWith<TUnknown>(ref reader, options);
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        if (value is TUnknown unknown)
        {
            JsonSerializer.Serialize(writer, unknown, (JsonTypeInfo<TUnknown>)options.GetTypeInfo(typeof(TUnknown)));
        }
        else
        {
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<TBase>)options.GetTypeInfo(typeof(TBase)));
        }
    }

    /// <summary>
    /// Reads with the metadata's own converter rather than <c>JsonSerializer.Deserialize(ref reader, ...)</c>, which
    /// first skips over the whole value to scope a reader to it: nested families (a GRPO job nests five levels)
    /// would scan each subtree once more per level.
    /// </summary>
    private static T? ReadWith<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        ((JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter).Read(ref reader, typeof(T), options);

    private void EnsureKnownDiscriminators(JsonTypeInfo native)
    {
        if (_known is not null)
        {
            return;
        }

        JsonPolymorphismOptions polymorphism = native.PolymorphismOptions
            ?? throw new InvalidOperationException($"{typeof(TBase).Name} must be declared with [JsonPolymorphic].");
        var known = new HashSet<string>(StringComparer.Ordinal);
        var discriminatorOf = new Dictionary<Type, string>();
        foreach (JsonDerivedType derived in polymorphism.DerivedTypes)
        {
            if (derived.TypeDiscriminator is string value)
            {
                known.Add(value);
                discriminatorOf[derived.DerivedType] = value;
            }
        }

        _discriminatorName = polymorphism.TypeDiscriminatorPropertyName;
        _discriminatorOf = discriminatorOf;
        _known = known;
    }

    /// <summary>Compares a string element with <paramref name="expected"/>; an element holding an invalid escape is simply different.</summary>
    private static bool ValueEquals(JsonElement element, string expected)
    {
        try
        {
            return element.ValueEquals(expected);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds the discriminator among the object's own properties, in any position, without moving <paramref name="reader"/>;
    /// <paramref name="first"/> tells whether it is the object's first property.
    /// </summary>
    private static string? PeekDiscriminator(Utf8JsonReader reader, string name, out bool first)
    {
        first = true;
        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            bool isDiscriminator = JsonText.ValueTextEquals(ref reader, name);
            reader.Read();
            if (isDiscriminator)
            {
                return reader.TokenType == JsonTokenType.String ? JsonText.GetString(ref reader) : null;
            }

            reader.Skip();
            first = false;
        }

        first = false;
        return null;
    }
}
