using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// One page of a list response, whichever of the three envelopes the service uses:
/// <c>{data, first_id, last_id, has_more}</c> (Foundry), <c>{object, data, has_more}</c> (OpenAI-style) or
/// <c>{value, nextLink}</c> (Azure OpenAI ingestion). Other envelope properties are ignored, and so are ids of an
/// unexpected type; a <c>has_more</c> or <c>nextLink</c> that cannot be read fails the page rather than quietly ending
/// the listing early.
/// </summary>
/// <remarks>
/// The whole body is read in one serializer call over metadata built here for the envelope (AOT-safe, no reflection):
/// reading the items with a call per item set up the serializer's read state a hundred times per page, and a nested
/// <c>JsonSerializer.Deserialize(ref reader, ...)</c> first skips over the whole array to scope a reader to it.
/// </remarks>
internal sealed class PageContent<T>
{
    private static EnvelopeMetadata? s_envelope;

    private PageContent(List<T> items, bool hasMore, string? firstId, string? lastId, string? nextLink)
    {
        Items = items;
        HasMore = hasMore;
        FirstId = firstId;
        LastId = lastId;
        NextLink = nextLink;
    }

    public IReadOnlyList<T> Items { get; }

    public bool HasMore { get; }

    public string? FirstId { get; }

    public string? LastId { get; }

    public string? NextLink { get; }

    /// <exception cref="JsonException">The body is not a page of <typeparamref name="T"/>.</exception>
    public static PageContent<T> Parse(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> itemType)
    {
        Envelope envelope = JsonSerializer.Deserialize(utf8Json, EnvelopeOf(itemType))
            ?? throw new JsonException("A list response must be a JSON object.");
        List<T> items = envelope.Items ?? new List<T>();
        foreach (T item in items)
        {
            if (item is null)
            {
                throw new JsonException("A list response contained a null item.");
            }
        }

        return new PageContent<T>(items, envelope.HasMore, envelope.FirstId, envelope.LastId, envelope.NextLink);
    }

    /// <summary>Envelope metadata over <paramref name="itemType"/> (which may be a polymorphic family's converter), cached for the last item metadata seen.</summary>
    private static JsonTypeInfo<Envelope> EnvelopeOf(JsonTypeInfo<T> itemType)
    {
        EnvelopeMetadata? cached = s_envelope;
        if (cached is null || !ReferenceEquals(cached.Item, itemType))
        {
            cached = new EnvelopeMetadata(itemType, CreateEnvelope(itemType));
            s_envelope = cached;
        }

        return cached.Envelope;
    }

    private static JsonTypeInfo<Envelope> CreateEnvelope(JsonTypeInfo<T> itemType)
    {
        JsonSerializerOptions options = itemType.Options;
        JsonTypeInfo<List<T>> list = JsonMetadataServices.CreateListInfo<List<T>, T>(
            options,
            new JsonCollectionInfoValues<List<T>> { ObjectCreator = static () => new List<T>(), ElementInfo = itemType });
        JsonTypeInfo<bool> flag = JsonMetadataServices.CreateValueInfo<bool>(options, HasMoreConverter.Instance);
        JsonTypeInfo<string?> text = JsonMetadataServices.CreateValueInfo<string?>(options, TolerantTextConverter.Instance);
        JsonTypeInfo<string?> link = JsonMetadataServices.CreateValueInfo<string?>(options, NextLinkConverter.Instance);
        JsonPropertyInfo[] properties =
        {
            Property<List<T>>(options, "data", list, static e => e.Items!, static (e, v) => e.Items = v),
            Property<List<T>>(options, "value", list, static e => e.Items!, static (e, v) => e.Items = v),
            Property(options, "has_more", flag, static e => e.HasMore, static (e, v) => e.HasMore = v),
            Property(options, "first_id", text, static e => e.FirstId, static (e, v) => e.FirstId = v),
            Property(options, "last_id", text, static e => e.LastId, static (e, v) => e.LastId = v),
            Property(options, "nextLink", link, static e => e.NextLink, static (e, v) => e.NextLink = v),
        };
        return JsonMetadataServices.CreateObjectInfo(
            options,
            new JsonObjectInfoValues<Envelope> { ObjectCreator = static () => new Envelope(), PropertyMetadataInitializer = _ => properties });
    }

    private static JsonPropertyInfo Property<TValue>(JsonSerializerOptions options, string name, JsonTypeInfo<TValue> type, Func<Envelope, TValue> get, Action<Envelope, TValue> set) =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(Envelope),
            PropertyTypeInfo = type,
            Getter = envelope => get((Envelope)envelope),
            Setter = (envelope, value) => set((Envelope)envelope, value!),
            PropertyName = name,
            JsonPropertyName = name,
        });

    private sealed class Envelope
    {
        public List<T>? Items { get; set; }

        public bool HasMore { get; set; }

        public string? FirstId { get; set; }

        public string? LastId { get; set; }

        public string? NextLink { get; set; }
    }

    private sealed class EnvelopeMetadata
    {
        public EnvelopeMetadata(JsonTypeInfo<T> item, JsonTypeInfo<Envelope> envelope)
        {
            Item = item;
            Envelope = envelope;
        }

        public JsonTypeInfo<T> Item { get; }

        public JsonTypeInfo<Envelope> Envelope { get; }
    }
}

/// <summary><c>has_more</c>: a boolean or null (false); anything else is malformed, since reading it as false would end a listing early.</summary>
internal sealed class HasMoreConverter : JsonConverter<bool>
{
    public static HasMoreConverter Instance { get; } = new();

    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw new JsonException($"\"has_more\" must be a boolean but found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary><c>nextLink</c>: a string or null; anything else is malformed, since ignoring it would end a listing early.</summary>
internal sealed class NextLinkConverter : JsonConverter<string?>
{
    public static NextLinkConverter Instance { get; } = new();

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => JsonText.GetString(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"\"nextLink\" must be a string but found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>An id (<c>first_id</c>, <c>last_id</c>): a JSON string; anything else is skipped whole and reads as null.</summary>
internal sealed class TolerantTextConverter : JsonConverter<string?>
{
    public static TolerantTextConverter Instance { get; } = new();

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? value = reader.TokenType == JsonTokenType.String ? JsonText.GetString(ref reader) : null;
        reader.Skip();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
