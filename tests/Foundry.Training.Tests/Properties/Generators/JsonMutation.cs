using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Foundry.Training.Tests.Properties.Generators;

/// <summary>A damaged document: the bytes a broken proxy, a buggy service or an attacker could send, and how they were made.</summary>
internal sealed record MutatedDocument(Type Type, string Mutation, byte[] Bytes)
{
    public override string ToString() => $"{Type.Name} / {Mutation}: {Preview(Bytes)}";

    /// <summary>The bytes as text (U+FFFD where they are not UTF-8); long documents are cut.</summary>
    private static string Preview(byte[] bytes) =>
        bytes.Length <= 2000 ? Encoding.UTF8.GetString(bytes) : Encoding.UTF8.GetString(bytes, 0, 2000) + $"... ({bytes.Length} bytes)";
}

/// <summary>
/// Damages valid model documents the ways real transports and services do: flipped bits, truncation, values of the
/// wrong JSON type, nesting beyond any limit, numbers no CLR type holds, duplicate keys, invalid UTF-8 and escapes,
/// a root of the wrong shape, and plain garbage.
/// </summary>
internal static class JsonMutation
{
    /// <summary>Damaged documents of the given model types.</summary>
    public static Arbitrary<MutatedDocument> Of(params Type[] types) =>
        Gen.Elements(types)
            .SelectMany(type => ModelJson.NodeFor(type).SelectMany(node => Mutate(node).Select(m => new MutatedDocument(type, m.Name, m.Bytes))))
            .ToArbitrary();

    /// <summary>One mutation of <paramref name="document"/>, each kind equally likely (built lazily: only the chosen one does work).</summary>
    public static Gen<(string Name, byte[] Bytes)> Mutate(JsonNode document) =>
        Gen.Elements<Func<JsonNode, Gen<(string, byte[])>>>(
            d => BitFlips(Utf8(d)),
            d => Truncation(Utf8(d)),
            TypeSwap,
            DeepNesting,
            HugeNumber,
            DuplicateKey,
            d => InvalidUtf8(Utf8(d)),
            d => InvalidEscape(Utf8(d)),
            WrongRoot,
            _ => Garbage())
        .SelectMany(mutation => mutation(document));

    private static byte[] Utf8(JsonNode document) => Encoding.UTF8.GetBytes(document.ToJsonString());

    private static Gen<(string, byte[])> BitFlips(byte[] valid) =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Choose(0, valid.Length - 1), Gen.Choose(0, 7)), n)).Select(flips =>
        {
            byte[] bytes = (byte[])valid.Clone();
            foreach ((int index, int bit) in flips)
            {
                bytes[index] ^= (byte)(1 << bit);
            }

            return ("bit flips at " + string.Join(",", flips.Select(f => f.Item1)), bytes);
        });

    private static Gen<(string, byte[])> Truncation(byte[] valid) =>
        Gen.Choose(0, valid.Length - 1).Select(length => ($"truncated to {length} bytes", valid.AsSpan(0, length).ToArray()));

    /// <summary>One value somewhere in the document replaced by a value of another JSON type.</summary>
    private static Gen<(string, byte[])> TypeSwap(JsonNode document) =>
        ReplaceSomeValue(document, "type swap", Gen.Elements<Func<JsonNode?, JsonNode?>>(
            old => old is JsonValue { } v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("swapped"),
            old => old is JsonObject ? new JsonArray(1, 2) : new JsonObject { ["swapped"] = true },
            old => old is JsonArray ? JsonValue.Create(false) : new JsonArray("swapped"),
            _ => null,
            _ => JsonValue.Create(true)));

    /// <summary>One value replaced by arrays or objects nested far beyond the reader's depth limit.</summary>
    private static Gen<(string, byte[])> DeepNesting(JsonNode document) =>
        Gen.Zip(Gen.Choose(60, 3000), Gen.Elements(true, false)).SelectMany(p =>
            ReplaceSomeValueRaw(document, $"nested {p.Item1} deep", Gen.Constant(p.Item2
                ? new string('[', p.Item1) + new string(']', p.Item1)
                : string.Concat(Enumerable.Repeat("{\"a\":", p.Item1)) + "1" + new string('}', p.Item1))));

    private static Gen<(string, byte[])> HugeNumber(JsonNode document) =>
        ReplaceSomeValueRaw(document, "huge number", Gen.Elements(
            "1e400", "-1e400", "1" + new string('0', 400), "123456789012345678901234567890", "-9223372036854775809",
            "9223372036854775808", "2147483648", "1e-400", "4.9e-325", "0." + new string('0', 500) + "1", "253402300800", "-62135596801",
            "1.7976931348623157e309"));

    /// <summary>An object of the document written with one of its keys twice.</summary>
    private static Gen<(string, byte[])> DuplicateKey(JsonNode document)
    {
        List<JsonObject> objects = Descendants(document).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0)
        {
            return Garbage();
        }

        return Gen.Zip(Gen.Choose(0, objects.Count - 1), Gen.Elements<JsonNode?>(JsonValue.Create("dup"), JsonValue.Create(7), new JsonObject(), null, new JsonArray()))
            .SelectMany(p => Gen.Choose(0, objects[p.Item1].Count - 1).Select(k =>
            {
                JsonObject target = objects[p.Item1];
                string key = target.ElementAt(k).Key;
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    WriteWithDuplicate(document, writer, target, key, p.Item2);
                }

                return ($"duplicate key \"{key}\"", stream.ToArray());
            }));
    }

    private static void WriteWithDuplicate(JsonNode? node, Utf8JsonWriter writer, JsonObject target, string key, JsonNode? duplicate)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    writer.WritePropertyName(property.Key);
                    WriteWithDuplicate(property.Value, writer, target, key, duplicate);
                }

                if (ReferenceEquals(obj, target))
                {
                    writer.WritePropertyName(key);
                    WriteWithDuplicate(duplicate, writer, target, key, duplicate);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? item in array)
                {
                    WriteWithDuplicate(item, writer, target, key, duplicate);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static readonly byte[][] s_invalidUtf8 =
    {
        new byte[] { 0xFF },
        new byte[] { 0x80 },
        new byte[] { 0xC0, 0xAF },             // overlong '/'
        new byte[] { 0xED, 0xA0, 0x80 },       // an encoded surrogate
        new byte[] { 0xE2, 0x82 },             // cut short
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // beyond U+10FFFF
        new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
    };

    /// <summary>Invalid UTF-8 inserted after a quote, so it usually lands inside a string or a property name.</summary>
    private static Gen<(string, byte[])> InvalidUtf8(byte[] valid) => InsertAfterQuote(valid, "invalid UTF-8", Gen.Elements(s_invalidUtf8));

    private static Gen<(string, byte[])> InvalidEscape(byte[] valid) =>
        InsertAfterQuote(valid, "invalid escape", Gen.Elements(@"\uD800", @"\uDC00x", @"\uD83D\u0041", @"\x41", @"\u12", @"\", "\u0001", "\n")
            .Select(Encoding.UTF8.GetBytes));

    private static Gen<(string, byte[])> InsertAfterQuote(byte[] valid, string name, Gen<byte[]> insertions)
    {
        int[] quotes = valid.Select((b, i) => (b, i)).Where(x => x.b == (byte)'"').Select(x => x.i + 1).DefaultIfEmpty(valid.Length / 2).ToArray();
        return Gen.Zip(Gen.Elements(quotes), insertions).Select(p =>
        {
            byte[] bytes = valid.Take(p.Item1).Concat(p.Item2).Concat(valid.Skip(p.Item1)).ToArray();
            return ($"{name} at {p.Item1}", bytes);
        });
    }

    /// <summary>Valid JSON, but not an object of the model: the wrong root type, or the document wrapped in something.</summary>
    private static Gen<(string, byte[])> WrongRoot(JsonNode document) =>
        Gen.Elements("[]", "\"text\"", "0", "null", "true", "[" + document.ToJsonString() + "]", "{\"data\":" + document.ToJsonString() + "}", "  ", "")
            .Select(text => ("wrong root", Encoding.UTF8.GetBytes(text)));

    private static Gen<(string, byte[])> Garbage() =>
        Gen.Choose(0, 64).SelectMany(n => Gen.ListOf(Gen.Choose(0, 255), n)).Select(bytes => ("random bytes", bytes.Select(b => (byte)b).ToArray()));

    private static Gen<(string, byte[])> ReplaceSomeValue(JsonNode document, string name, Gen<Func<JsonNode?, JsonNode?>> replacement) =>
        Gen.Zip(Gen.Choose(0, int.MaxValue), replacement).Select(p =>
        {
            JsonNode copy = document.DeepClone();
            List<JsonNode> values = Descendants(copy).Where(n => n.Parent is not null).ToList();
            if (values.Count == 0)
            {
                return (name + " of the root", Encoding.UTF8.GetBytes(p.Item2(copy)?.ToJsonString() ?? "null"));
            }

            JsonNode target = values[p.Item1 % values.Count];
            string path = target.GetPath();
            Replace(target, p.Item2(target));
            return ($"{name} at {path}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
        });

    /// <summary>Replaces one value by raw JSON text (which a <see cref="JsonNode"/> could not hold, such as 1e400 or extreme nesting).</summary>
    private static Gen<(string, byte[])> ReplaceSomeValueRaw(JsonNode document, string name, Gen<string> raw)
    {
        const string Marker = "\"__replace_me__\"";
        return ReplaceSomeValue(document, name, Gen.Constant<Func<JsonNode?, JsonNode?>>(_ => JsonValue.Create("__replace_me__")))
            .SelectMany(replaced => raw.Select(text =>
            {
                string json = Encoding.UTF8.GetString(replaced.Item2);
                int at = json.IndexOf(Marker, StringComparison.Ordinal);
                return (replaced.Item1, Encoding.UTF8.GetBytes(json.Substring(0, at) + text + json.Substring(at + Marker.Length)));
            }));
    }

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (JsonNode? child in children)
        {
            foreach (JsonNode descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
