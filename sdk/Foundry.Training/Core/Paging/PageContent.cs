using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// One page of a list response, whichever of the three envelopes the service uses:
/// <c>{data, first_id, last_id, has_more}</c> (Foundry), <c>{object, data, has_more}</c> (OpenAI-style) or
/// <c>{value, nextLink}</c> (Azure OpenAI ingestion). Other envelope properties are ignored, and so are envelope
/// values of an unexpected type (a <c>has_more</c> that is not <c>true</c> reads as false).
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
        JsonTypeInfo<bool> flag = JsonMetadataServices.CreateValueInfo<bool>(options, TolerantFlagConverter.Instance);
        JsonTypeInfo<string?> text = JsonMetadataServices.CreateValueInfo<string?>(options, TolerantTextConverter.Instance);
        JsonPropertyInfo[] properties =
        {
            Property<List<T>>(options, "data", list, static e => e.Items!, static (e, v) => e.Items = v),
            Property<List<T>>(options, "value", list, static e => e.Items!, static (e, v) => e.Items = v),
            Property(options, "has_more", flag, static e => e.HasMore, static (e, v) => e.HasMore = v),
            Property(options, "first_id", text, static e => e.FirstId, static (e, v) => e.FirstId = v),
            Property(options, "last_id", text, static e => e.LastId, static (e, v) => e.LastId = v),
            Property(options, "nextLink", text, static e => e.NextLink, static (e, v) => e.NextLink = v),
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

/// <summary><c>true</c> is true; anything else (false, null, a string, an object) is false.</summary>
internal sealed class TolerantFlagConverter : JsonConverter<bool>
{
    public static TolerantFlagConverter Instance { get; } = new();

    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        bool value = reader.TokenType == JsonTokenType.True;
        reader.Skip();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>A JSON string; anything else reads as null.</summary>
internal sealed class TolerantTextConverter : JsonConverter<string?>
{
    public static TolerantTextConverter Instance { get; } = new();

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        reader.Skip();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
