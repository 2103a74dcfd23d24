using System;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Random access into one line of a training file already known to be well-formed JSON: a value is found once by the
/// offset of its first byte, and read again from there by whoever needs it (the checker, the token counter).
/// </summary>
internal static class JsonLine
{
    /// <summary>A reader on the value that starts at <paramref name="offset"/> of <paramref name="line"/>.</summary>
    public static Utf8JsonReader At(ReadOnlySpan<byte> line, int offset)
    {
        var reader = new Utf8JsonReader(line.Slice(offset));
        reader.Read();
        return reader;
    }

    /// <summary>
    /// Where the values of up to three properties start in the object at <paramref name="offset"/>: -1 for a property
    /// that is absent, and for all when <paramref name="offset"/> is -1 or the value there is no object. A later
    /// duplicate property wins, as in a JSON parser. Pass <see cref="ReadOnlySpan{T}.Empty"/> for an unused name and
    /// ignore its result (it matches a property named "").
    /// </summary>
    public static (int First, int Second, int Third) Find(ReadOnlySpan<byte> line, int offset, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third)
    {
        (int First, int Second, int Third) found = (-1, -1, -1);
        if (offset < 0)
        {
            return found;
        }

        Utf8JsonReader reader = At(line, offset);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return found;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isFirst = reader.ValueTextEquals(first);
            bool isSecond = reader.ValueTextEquals(second);
            bool isThird = reader.ValueTextEquals(third);
            reader.Read();
            int start = offset + (int)reader.TokenStartIndex;
            found = (isFirst ? start : found.First, isSecond ? start : found.Second, isThird ? start : found.Third);
            reader.Skip();
        }

        return found;
    }
}
