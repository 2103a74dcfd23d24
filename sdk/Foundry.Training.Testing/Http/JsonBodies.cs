using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Foundry.Training.Testing;

/// <summary>
/// Writes response bodies: models through the SDK's own serializer (so what the emulator sends is exactly what the
/// SDK reads), wrapped in each service's list envelope.
/// </summary>
internal static class JsonBodies
{
    public static byte[] Model<T>(T model) => FoundryTrainingSerializer.SerializeToBinaryData(model).ToArray();

    /// <summary>
    /// A list page: <c>{object?, data, first_id?, last_id?, has_more?}</c>. Foundry pages carry the ids and
    /// <c>has_more</c>; OpenAI-style pages carry <c>object: "list"</c> and <c>has_more</c>; Azure OpenAI's file and model
    /// lists carry neither ids nor <c>has_more</c>.
    /// </summary>
    public static byte[] Page<T>(PageSlice<T> page, bool listObject, bool ids, bool hasMore = true)
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
                writer.WriteRawValue(FoundryTrainingSerializer.SerializeToBinaryData(item).ToMemory().Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (ids)
            {
                // A Foundry page's ids are optional strings, left out of an empty page; an OpenAI list object carries
                // them, null when it is empty.
                WriteId(writer, "first_id", page.FirstId, orNull: listObject);
                WriteId(writer, "last_id", page.LastId, orNull: listObject);
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

    private static void WriteId(Utf8JsonWriter writer, string name, string? value, bool orNull)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (orNull)
        {
            writer.WriteNull(name);
        }
    }
}
