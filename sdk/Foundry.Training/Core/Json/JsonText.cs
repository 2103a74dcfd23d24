using System;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// Reads strings from JSON the SDK did not write. System.Text.Json throws <see cref="InvalidOperationException"/> for
/// invalid UTF-8 or a lone surrogate escape (<c>"\uD800"</c>) when code reads a string itself; to callers that is
/// malformed JSON like any other, so it becomes a <see cref="JsonException"/>.
/// </summary>
internal static class JsonText
{
    /// <summary>The string at the reader's current <c>String</c> or <c>PropertyName</c> token.</summary>
    /// <exception cref="JsonException">The string is not valid UTF-8 or holds an invalid escape.</exception>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"Invalid text in JSON string at byte {reader.TokenStartIndex}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether the reader's current string or property name is <paramref name="text"/>, without allocating.</summary>
    /// <exception cref="JsonException">The token holds an invalid escape.</exception>
    public static bool ValueTextEquals(ref Utf8JsonReader reader, string text)
    {
        try
        {
            return reader.ValueTextEquals(text);
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"Invalid text in JSON string at byte {reader.TokenStartIndex}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether the reader's current string or property name is the UTF-8 <paramref name="utf8Text"/>, without allocating.</summary>
    /// <exception cref="JsonException">The token holds an invalid escape.</exception>
    public static bool ValueTextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        try
        {
            return reader.ValueTextEquals(utf8Text);
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"Invalid text in JSON string at byte {reader.TokenStartIndex}: {ex.Message}", ex);
        }
    }

    /// <summary>The raw JSON of <paramref name="element"/> for a message, or its kind when that text is not valid UTF-8.</summary>
    public static string Describe(JsonElement element)
    {
        try
        {
            return element.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return "a " + element.ValueKind.ToString().ToLowerInvariant() + " that is not valid UTF-8";
        }
    }
}
