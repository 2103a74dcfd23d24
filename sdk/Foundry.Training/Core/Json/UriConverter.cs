using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// URIs (<c>format: uri</c>, <c>format: url</c>) as System.Text.Json reads and writes them: any absolute or relative
/// reference <see cref="Uri"/> accepts, written back as it came (<see cref="Uri.OriginalString"/>). A value RFC 3986
/// allows but <see cref="Uri"/> rejects (a host with a comma), or one that is not a string, is unreadable: every model
/// property of type <see cref="Uri"/> reads it as null and keeps it (see <see cref="LenientPropertyConverter{T}"/>);
/// the consumers of a required URI check for null.
/// </summary>
internal sealed class UriConverter : JsonConverter<Uri?>, ILenientConverter
{
    public static UriConverter Instance { get; } = new();

    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryRead(ref reader, out Uri? uri)
            ? uri
            : throw new JsonException(reader.TokenType == JsonTokenType.String ? "The value is not a URI System.Uri accepts." : $"Expected a URI but found {reader.TokenType}."); // the text stays out: it may carry a signature

    public override void Write(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.OriginalString);
        }
    }

    public JsonConverter ForProperty(Type owner, JsonPropertyInfo property) => new LenientPropertyConverter<Uri?>(TryRead, Write, owner, property);

    private static bool TryRead(ref Utf8JsonReader reader, out Uri? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out value);
    }
}
