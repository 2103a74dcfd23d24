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

        var items = new List<T>();
        bool hasMore = false;
        string? firstId = null, lastId = null, nextLink = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = JsonText.GetString(ref reader);
            reader.Read();
            switch (name)
            {
                case "data":
                case "value":
                    ReadItems(ref reader, itemType, items);
                    break;
                case "has_more":
                    // A has_more we cannot read must not quietly end the listing early.
                    hasMore = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False or JsonTokenType.Null => false,
                        _ => throw new JsonException($"\"has_more\" must be a boolean but found {reader.TokenType}."),
                    };
                    break;
                case "first_id":
                    firstId = ReadString(ref reader);
                    break;
                case "last_id":
                    lastId = ReadString(ref reader);
                    break;
                case "nextLink":
                    nextLink = reader.TokenType switch
                    {
                        JsonTokenType.String => JsonText.GetString(ref reader),
                        JsonTokenType.Null => null,
                        _ => throw new JsonException($"\"nextLink\" must be a string but found {reader.TokenType}."),
                    };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.Read())
        {
            throw new JsonException("A list response has content after its JSON object.");
        }

        return new PageContent<T>(items, hasMore, firstId, lastId, nextLink);
    }

    private static void ReadItems(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType, List<T> items)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"The list items must be a JSON array but found {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            T? item = JsonSerializer.Deserialize(ref reader, itemType);
            if (item is null)
            {
                throw new JsonException("A list response contained a null item.");
            }

            items.Add(item);
        }
    }

    /// <summary>A string, or null for anything else; an object or array is skipped whole so the envelope stays in step.</summary>
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return JsonText.GetString(ref reader);
        }

        reader.Skip();
        return null;
    }
}
