using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

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
    private const int MaxCachedReaders = 4;

    private Discriminators? _discriminators;
    private Readers[] _readers = Array.Empty<Readers>();

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
        Discriminators discriminators = DiscriminatorsFor(options);
        if (member is TUnknown
            || !discriminators.Of.TryGetValue(member.GetType(), out string? expected)
            || member.AdditionalPropertiesJson is not { } additional
            || !additional.TryGetValue(discriminators.Name, out JsonElement actual))
        {
            return;
        }

        if (actual.ValueKind != JsonValueKind.String || !ValueEquals(actual, expected))
        {
            throw new JsonException($"The document's \"{discriminators.Name}\" is {JsonText.Describe(actual)}, not \"{expected}\" as {member.GetType().Name} requires.");
        }

        additional.Remove(discriminators.Name);
    }

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(TBase).Name} but found {reader.TokenType}.");
        }

        Discriminators discriminators = DiscriminatorsFor(options);
        if (IsKnownDiscriminator(reader, discriminators, out bool first))
        {
            JsonSerializerOptions readOptions = options.TypeInfoResolver is ModelJsonResolver resolver ? resolver.ReadOptions(options, first) : options;
            return ReadersFor(readOptions).Base.Read(ref reader, typeof(TBase), readOptions);
        }

        return ReadersFor(options).Unknown.Read(ref reader, typeof(TUnknown), options);
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

    private Discriminators DiscriminatorsFor(JsonSerializerOptions options)
    {
        Discriminators? discriminators = Volatile.Read(ref _discriminators);
        if (discriminators is null)
        {
            discriminators = new Discriminators(options.GetTypeInfo(typeof(TBase)));
            Volatile.Write(ref _discriminators, discriminators);
        }

        return discriminators;
    }

    /// <summary>
    /// The converters that read a known kind and an unknown one under <paramref name="options"/>, kept per options (the
    /// SDK uses two) so a read does not look its metadata up twice per polymorphic object. They read with the
    /// metadata's own converter rather than <c>JsonSerializer.Deserialize(ref reader, ...)</c>, which first skips over
    /// the whole value to scope a reader to it: nested families (a GRPO job nests five levels) would scan each
    /// subtree once more per level.
    /// </summary>
    private Readers ReadersFor(JsonSerializerOptions options)
    {
        Readers[] cached = Volatile.Read(ref _readers);
        foreach (Readers readers in cached)
        {
            if (ReferenceEquals(readers.Options, options))
            {
                return readers;
            }
        }

        var created = new Readers(
            options,
            (JsonConverter<TBase>)options.GetTypeInfo(typeof(TBase)).Converter,
            (JsonConverter<TUnknown>)options.GetTypeInfo(typeof(TUnknown)).Converter);
        if (cached.Length < MaxCachedReaders)
        {
            var grown = new Readers[cached.Length + 1];
            cached.CopyTo(grown, 0);
            grown[cached.Length] = created;
            Interlocked.CompareExchange(ref _readers, grown, cached);
        }

        return created;
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
    /// Finds the discriminator among the object's own properties, in any position, without moving <paramref name="reader"/>,
    /// and tells whether its value is a known kind; <paramref name="first"/> tells whether it is the object's first
    /// property. Names and values are matched as UTF-8, so a read allocates nothing here.
    /// </summary>
    private static bool IsKnownDiscriminator(Utf8JsonReader reader, Discriminators discriminators, out bool first)
    {
        first = true;
        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            bool isDiscriminator = JsonText.ValueTextEquals(ref reader, discriminators.NameUtf8);
            reader.Read();
            if (isDiscriminator)
            {
                return reader.TokenType == JsonTokenType.String && discriminators.IsKnown(ref reader);
            }

            reader.Skip();
            first = false;
        }

        first = false;
        return false;
    }

    /// <summary>The family's discriminator property and the values of its known kinds, worked out once.</summary>
    private sealed class Discriminators
    {
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly byte[][] _knownUtf8;

        public Discriminators(JsonTypeInfo native)
        {
            JsonPolymorphismOptions polymorphism = native.PolymorphismOptions
                ?? throw new InvalidOperationException($"{typeof(TBase).Name} must be declared with [JsonPolymorphic].");
            foreach (JsonDerivedType derived in polymorphism.DerivedTypes)
            {
                if (derived.TypeDiscriminator is string value)
                {
                    _known.Add(value);
                    Of[derived.DerivedType] = value;
                }
            }

            Name = polymorphism.TypeDiscriminatorPropertyName;
            NameUtf8 = Encoding.UTF8.GetBytes(Name);
            _knownUtf8 = _known.Select(value => Encoding.UTF8.GetBytes(value)).ToArray();
        }

        public string Name { get; }

        public byte[] NameUtf8 { get; }

        /// <summary>The discriminator value of each known derived type.</summary>
        public Dictionary<Type, string> Of { get; } = new();

        /// <summary>
        /// Whether the reader's current string is a known kind. Any other value (escaped, unknown or not valid UTF-8)
        /// is read as text, which rejects invalid text as the rest of the SDK does.
        /// </summary>
        public bool IsKnown(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                foreach (byte[] known in _knownUtf8)
                {
                    if (reader.ValueTextEquals(known))
                    {
                        return true;
                    }
                }
            }

            return _known.Contains(JsonText.GetString(ref reader));
        }
    }

    private sealed class Readers
    {
        public Readers(JsonSerializerOptions options, JsonConverter<TBase> @base, JsonConverter<TUnknown> unknown)
        {
            Options = options;
            Base = @base;
            Unknown = unknown;
        }

        public JsonSerializerOptions Options { get; }

        public JsonConverter<TBase> Base { get; }

        public JsonConverter<TUnknown> Unknown { get; }
    }
}
