using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Testing;

/// <summary>
/// Writes response bodies: models through the SDK's own serializer (so what the emulator sends is exactly what the
/// SDK reads), wrapped in each service's list envelope. The SDK omits what is null; a service whose spec requires a
/// property that may be null (OpenAI's <c>fine_tuned_model</c>, <c>finished_at</c>, ...) gets it written as
/// <c>null</c> through the <c>nulls</c> parameters.
/// </summary>
internal static class JsonBodies
{
    /// <summary>A model, with each of <paramref name="nulls"/> it does not carry written as <c>null</c>.</summary>
    public static byte[] Model<T>(T model, IReadOnlyCollection<string>? nulls = null)
    {
        byte[] json = FoundryTrainingSerializer.SerializeToBinaryData(model).ToArray();
        return nulls is null || nulls.Count == 0 ? json : WithNulls(json, nulls);
    }

    /// <summary>
    /// A list page: <c>{object?, data, first_id?, last_id?, has_more?}</c>. Foundry pages carry <c>has_more</c> and
    /// the ids, which are optional strings there (left out of an empty page); OpenAI-style pages carry
    /// <c>object: "list"</c> and <c>has_more</c>, and where they have ids (OpenAI files and checkpoints), <c>null</c> ones
    /// on an empty page; Azure OpenAI's file and model lists carry neither ids nor <c>has_more</c>.
    /// </summary>
    public static byte[] Page<T>(PageSlice<T> page, bool listObject, bool ids, bool hasMore = true, IReadOnlyCollection<string>? nulls = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (listObject)
            {
                writer.WriteString("object", "list");
            }

            writer.WritePropertyName("data");
            writer.WriteStartArray();
            foreach (T item in page.Items)
            {
                writer.WriteRawValue(Model(item, nulls), skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (ids)
            {
                WriteId(writer, "first_id", page.FirstId, nullable: listObject);
                WriteId(writer, "last_id", page.LastId, nullable: listObject);
            }

            if (hasMore)
            {
                writer.WriteBoolean("has_more", page.HasMore);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Writes a JSON object with a callback.</summary>
    public static byte[] Object(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Adds the missing <paramref name="nulls"/>; a dotted name (<c>error.param</c>) only inside an object that is there.</summary>
    private static byte[] WithNulls(byte[] json, IReadOnlyCollection<string> nulls)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        foreach (string path in nulls)
        {
            JsonObject? parent = root;
            string[] names = path.Split('.');
            for (int i = 0; i < names.Length - 1 && parent is not null; i++)
            {
                parent = parent[names[i]] as JsonObject;
            }

            if (parent is not null && !parent.ContainsKey(names[names.Length - 1]))
            {
                parent[names[names.Length - 1]] = null;
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void WriteId(Utf8JsonWriter writer, string name, string? value, bool nullable)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (nullable)
        {
            writer.WriteNull(name);
        }
    }
}
