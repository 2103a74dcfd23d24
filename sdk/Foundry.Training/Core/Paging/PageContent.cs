using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// One page of a list response, whichever of the three envelopes the service uses:
/// <c>{data, first_id, last_id, has_more}</c> (Foundry), <c>{object, data, has_more}</c> (OpenAI-style) or
/// <c>{value, nextLink}</c> (Azure OpenAI ingestion). Other envelope properties are ignored.
/// </summary>
internal sealed class PageContent<T>
{
    private static ListMetadata? s_list;

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
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A list response must be a JSON object.");
        }

        List<T>? items = null;
        bool hasMore = false;
        string? firstId = null, lastId = null, nextLink = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Compared in place: the envelope's names are few and known, no need for a string per property.
            if (reader.ValueTextEquals("data"u8) || reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                items = ReadItems(ref reader, itemType);
            }
            else if (reader.ValueTextEquals("has_more"u8))
            {
                reader.Read();
                hasMore = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("first_id"u8))
            {
                reader.Read();
                firstId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("last_id"u8))
            {
                reader.Read();
                lastId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("nextLink"u8))
            {
                reader.Read();
                nextLink = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new PageContent<T>(items ?? new List<T>(), hasMore, firstId, lastId, nextLink);
    }

    /// <summary>
    /// Reads the whole array in one serializer call: one call per item would set up the serializer's read state a
    /// hundred times per page (and allocate its frame stack each time).
    /// </summary>
    private static List<T>? ReadItems(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"The list items must be a JSON array but found {reader.TokenType}.");
        }

        List<T> items = JsonSerializer.Deserialize(ref reader, ListOf(itemType))!;
        foreach (T item in items)
        {
            if (item is null)
            {
                throw new JsonException("A list response contained a null item.");
            }
        }

        return items;
    }

    /// <summary>Metadata for a <see cref="List{T}"/> of <paramref name="itemType"/> (which may be a polymorphic family's converter), cached for the last item metadata seen.</summary>
    private static JsonTypeInfo<List<T>> ListOf(JsonTypeInfo<T> itemType)
    {
        ListMetadata? cached = s_list;
        if (cached is null || !ReferenceEquals(cached.Item, itemType))
        {
            JsonTypeInfo<List<T>> list = JsonMetadataServices.CreateListInfo<List<T>, T>(
                itemType.Options,
                new JsonCollectionInfoValues<List<T>> { ObjectCreator = static () => new List<T>(), ElementInfo = itemType });
            cached = new ListMetadata(itemType, list);
            s_list = cached;
        }

        return cached.List;
    }

    private static string? ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private sealed class ListMetadata
    {
        public ListMetadata(JsonTypeInfo<T> item, JsonTypeInfo<List<T>> list)
        {
            Item = item;
            List = list;
        }

        public JsonTypeInfo<T> Item { get; }

        public JsonTypeInfo<List<T>> List { get; }
    }
}
