using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Foundry.Training.Cli.JobFiles;

/// <summary>
/// Reads one YAML document as JSON, so that a YAML job file is read by the SDK's serializer exactly as its JSON twin.
/// Plain scalars resolve as YAML 1.2's core schema does (<c>null</c>, <c>~</c>, <c>true</c>, <c>false</c>, integers,
/// floats); quoted and block scalars, and plain scalars tagged <c>!!str</c>, stay strings. Anchors and aliases are
/// expanded, within a bound on depth and size (an "alias bomb" is refused, not expanded).
/// </summary>
internal static partial class YamlToJson
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 100_000;
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <exception cref="JobDocumentException">The text is not one YAML document, or is too deep or too large.</exception>
    public static JsonNode? Convert(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new JobDocumentException("$", "The file is empty.");
            }

            parser.Consume<DocumentStart>();
            var reader = new Reader(parser);
            JsonNode? root = reader.ReadNode(depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new JobDocumentException("$", $"line {parser.Current?.Start.Line}: A job file holds one YAML document; remove the second '---'.");
            }

            return root;
        }
        catch (YamlException ex)
        {
            // YamlDotNet's messages start with the position "(Line: 3, Col: 5, Idx: 20) - (...): "; the mark says it once.
            string message = ex.Message.Contains("): ", StringComparison.Ordinal) ? ex.Message[(ex.Message.LastIndexOf("): ", StringComparison.Ordinal) + 3)..] : ex.Message;
            throw new JobDocumentException("$", $"line {ex.Start.Line}, column {ex.Start.Column}: {message}");
        }
    }

    private sealed class Reader(IParser parser)
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public JsonNode? ReadNode(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Problem(parser.Current, $"Nested deeper than {MaxDepth} levels.");
            }

            int before = _nodes;
            JsonNode? node;
            NodeEvent start;
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out (JsonNode? Node, int Size) anchored))
                {
                    throw Problem(alias, $"The alias *{alias.Value.Value} names no anchor before it.");
                }

                Count(anchored.Size, alias);
                return anchored.Node?.DeepClone();
            }
            else if (parser.TryConsume<Scalar>(out var scalar))
            {
                start = scalar;
                Count(1, scalar);
                node = ScalarValue(scalar);
            }
            else if (parser.TryConsume<SequenceStart>(out var sequence))
            {
                start = sequence;
                Count(1, sequence);
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(depth + 1));
                }

                node = array;
            }
            else
            {
                MappingStart mapping = parser.Consume<MappingStart>();
                start = mapping;
                Count(1, mapping);
                var map = new JsonObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (!parser.TryConsume<Scalar>(out var key))
                    {
                        throw Problem(parser.Current, "Mapping keys must be plain text.");
                    }

                    if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
                    {
                        throw Problem(key, "Merge keys (<<) are not supported: write the properties out.");
                    }

                    if (map.ContainsKey(key.Value))
                    {
                        throw Problem(key, $"The key '{key.Value}' appears twice in the same mapping.");
                    }

                    map[key.Value] = ReadNode(depth + 1);
                }

                node = map;
            }

            if (!start.Anchor.IsEmpty)
            {
                _anchors[start.Anchor.Value] = (node, _nodes - before);
            }

            return node;
        }

        private void Count(int nodes, ParsingEvent at)
        {
            _nodes += nodes;
            if (_nodes > MaxNodes)
            {
                throw Problem(at, $"The document expands to more than {MaxNodes:N0} values (aliases included).");
            }
        }

        private static JobDocumentException Problem(ParsingEvent? at, string message) =>
            new("$", at is null ? message : $"line {at.Start.Line}, column {at.Start.Column}: {message}");
    }

    private static JsonNode? ScalarValue(Scalar scalar)
    {
        string text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (JsonNumber().IsMatch(text))
        {
            return JsonNode.Parse(text); // exact: the digits reach the serializer as written
        }

        if (YamlInteger().Match(text) is { Success: true } integer)
        {
            string digits = integer.Groups["digits"].Value;
            NumberStyles style = integer.Groups["hex"].Success ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (integer.Groups["octal"].Success)
            {
                return Octal(digits, text, integer.Groups["sign"].Value == "-");
            }

            if (ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out ulong magnitude))
            {
                return Signed(magnitude, integer.Groups["sign"].Value == "-", text);
            }
        }

        if (YamlFloat().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? Octal(string digits, string text, bool negative)
    {
        ulong value = 0;
        foreach (char digit in digits)
        {
            if (value > (ulong.MaxValue >> 3))
            {
                return JsonValue.Create(text);
            }

            value = (value << 3) | (uint)(digit - '0');
        }

        return Signed(value, negative, text);
    }

    private static JsonNode? Signed(ulong magnitude, bool negative, string text) => negative
        ? magnitude <= (ulong)long.MaxValue + 1 ? JsonValue.Create(magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude) : JsonValue.Create(text)
        : JsonValue.Create(magnitude);

    /// <summary>JSON's number grammar (RFC 8259), which YAML 1.2 also reads as a number.</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    /// <summary>YAML 1.2 core integers JSON does not write: a leading <c>+</c> or zeros, <c>0x</c> hexadecimal, <c>0o</c> octal.</summary>
    [GeneratedRegex(@"^(?<sign>[-+]?)(?:0x(?<hex>)(?<digits>[0-9a-fA-F]+)|0o(?<octal>)(?<digits>[0-7]+)|(?<digits>[0-9]+))$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlInteger();

    /// <summary>YAML 1.2 core floats JSON does not write (<c>+1.5</c>, <c>.5</c>, <c>1.</c>); <c>.inf</c> and <c>.nan</c> stay text (JSON has no such number).</summary>
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();
}
