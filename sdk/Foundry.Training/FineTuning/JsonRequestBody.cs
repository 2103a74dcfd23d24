using System;
using System.IO;
using System.Text.Json;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>A small JSON request body written field by field, for requests that have no model of their own.</summary>
internal static class JsonRequestBody
{
    public static void Set(HttpMessage message, Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
