using System.Text.Json;
using System.Xml;
using YamlDotNet.RepresentationModel;

namespace Foundry.Training.Tests.Emulator.Contract;

/// <summary>
/// Checks JSON bodies against the schemas of an OpenAPI 3 or Swagger 2.0 document (YAML): required properties,
/// types (an <c>integer</c> must be a whole number; <c>int32</c> in range), <c>null</c> only where the schema allows it
/// (<c>type: "null"</c> in an <c>anyOf</c>/<c>oneOf</c>, <c>nullable: true</c>), string enums, ISO 8601 strings for
/// <c>format: duration</c>, array items and <c>additionalProperties</c>, through <c>$ref</c>, <c>allOf</c>,
/// <c>anyOf</c> and <c>oneOf</c>. Deliberately small: what the schemas of the emulated operations use.
/// </summary>
internal sealed class SpecSchemas
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, YamlMappingNode> _parsed = new(StringComparer.Ordinal);

    private SpecSchemas(Dictionary<string, string> texts)
    {
        _texts = texts;
    }

    /// <summary>The schemas of a spec in the repository (<c>components: schemas:</c>, or Swagger's <c>definitions:</c>).</summary>
    /// <remarks>
    /// Each schema is cut out of the text and parsed on its own when first needed: the whole 3 MB OpenAI document is
    /// slow to parse, and has block scalars elsewhere that YamlDotNet rejects.
    /// </remarks>
    public static SpecSchemas Load(string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Infrastructure.RepositoryRoot.Path, relativePath));
        int section = Array.FindIndex(lines, l => l == "definitions:");
        string indent = "  ";
        if (section < 0)
        {
            int components = Array.IndexOf(lines, "components:");
            section = Array.FindIndex(lines, components + 1, l => l == "  schemas:");
            indent = "    ";
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var block = new System.Text.StringBuilder();
        for (int i = section + 1; i <= lines.Length; i++)
        {
            string? line = i < lines.Length ? lines[i] : null;
            bool ends = line is null || (line.Length > 0 && !line.StartsWith(indent, StringComparison.Ordinal));
            bool starts = !ends && line!.Length > indent.Length && line[indent.Length] != ' ' && line.TrimEnd().EndsWith(':');
            if ((ends || starts) && name is not null)
            {
                texts[name] = block.ToString();
                block.Clear();
                name = null;
            }

            if (ends)
            {
                break;
            }

            if (starts)
            {
                name = line!.Trim().TrimEnd(':').Trim('"', '\'');
            }

            block.Append(line).Append('\n');
        }

        return new SpecSchemas(texts);
    }

    /// <summary>Every way <paramref name="body"/> breaks schema <paramref name="schema"/>, as <c>$.path: problem</c> lines.</summary>
    public IReadOnlyList<string> Check(string schema, string body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        var problems = new List<string>();
        Check(Schema(schema), document.RootElement, "$", problems);
        return problems;
    }

    private YamlMappingNode Schema(string name)
    {
        if (!_parsed.TryGetValue(name, out YamlMappingNode? schema))
        {
            if (!_texts.TryGetValue(name, out string? text))
            {
                throw new ArgumentException($"The spec has no schema '{name}'.", nameof(name));
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            schema = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children.Single().Value;
            _parsed[name] = schema;
        }

        return schema;
    }

    private void Check(YamlMappingNode schema, JsonElement value, string path, List<string> problems)
    {
        if (Get(schema, "$ref") is string reference)
        {
            Check(Schema(reference.Substring(reference.LastIndexOf('/') + 1)), value, path, problems);
            return;
        }

        foreach (YamlMappingNode part in List(schema, "allOf"))
        {
            Check(part, value, path, problems);
        }

        List<YamlMappingNode> alternatives = List(schema, "anyOf").Concat(List(schema, "oneOf")).ToList();
        if (alternatives.Count > 0)
        {
            var first = new List<string>();
            foreach (YamlMappingNode alternative in alternatives)
            {
                var attempt = new List<string>();
                Check(alternative, value, path, attempt);
                if (attempt.Count == 0)
                {
                    return;
                }

                first = first.Count == 0 ? attempt : first;
            }

            problems.Add($"{path}: {Describe(value)} matches none of the {alternatives.Count} alternatives ({first[0]})");
            return;
        }

        string? type = Get(schema, "type");
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type != "null" && Get(schema, "nullable") != "true" && type is not null)
            {
                problems.Add($"{path}: null where the spec has a non-nullable {type}");
            }

            return;
        }

        switch (type ?? (Child(schema, "properties") is not null ? "object" : null))
        {
            case "object":
                CheckObject(schema, value, path, problems);
                break;
            case "array" when value.ValueKind != JsonValueKind.Array:
                problems.Add($"{path}: {Describe(value)} where the spec has an array");
                break;
            case "array":
                if (Child(schema, "items") is YamlMappingNode items)
                {
                    int index = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        Check(items, item, $"{path}[{index++}]", problems);
                    }
                }

                break;
            case "integer":
                CheckInteger(Get(schema, "format"), value, path, problems);
                break;
            case "number" when value.ValueKind != JsonValueKind.Number:
                problems.Add($"{path}: {Describe(value)} where the spec has a number");
                break;
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add($"{path}: {Describe(value)} where the spec has a boolean");
                break;
            case "string":
                CheckString(schema, value, path, problems);
                break;
            case "null":
                problems.Add($"{path}: {Describe(value)} where the spec has null");
                break;
        }
    }

    private void CheckObject(YamlMappingNode schema, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: {Describe(value)} where the spec has an object");
            return;
        }

        foreach (YamlNode required in Child(schema, "required") as YamlSequenceNode ?? new YamlSequenceNode())
        {
            string name = ((YamlScalarNode)required).Value!;
            if (!value.TryGetProperty(name, out _))
            {
                problems.Add($"{path}.{name}: missing (required)");
            }
        }

        var properties = Child(schema, "properties") as YamlMappingNode;
        YamlMappingNode? additional = Child(schema, "additionalProperties") as YamlMappingNode;
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (properties is not null && properties.Children.TryGetValue(new YamlScalarNode(property.Name), out YamlNode? propertySchema))
            {
                Check((YamlMappingNode)propertySchema, property.Value, path + "." + property.Name, problems);
            }
            else if (additional is not null)
            {
                Check(additional, property.Value, path + "." + property.Name, problems);
            }
        }
    }

    private static void CheckInteger(string? format, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            problems.Add($"{path}: {Describe(value)} where the spec has an integer");
        }
        else if (format == "int32" && (number < int.MinValue || number > int.MaxValue))
        {
            problems.Add($"{path}: {number} is outside int32");
        }
    }

    private static void CheckString(YamlMappingNode schema, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}: {Describe(value)} where the spec has a string");
            return;
        }

        string text = value.GetString()!;
        if (Child(schema, "enum") is YamlSequenceNode values && !values.Children.OfType<YamlScalarNode>().Any(v => v.Value == text))
        {
            problems.Add($"{path}: '{text}' is not one of the spec's values");
        }

        if (Get(schema, "format") == "duration")
        {
            try
            {
                XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                problems.Add($"{path}: '{text}' is not an ISO 8601 duration");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string name) =>
        node.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? child) ? child : null;

    private static string? Get(YamlMappingNode node, string name) => (Child(node, name) as YamlScalarNode)?.Value;

    private static List<YamlMappingNode> List(YamlMappingNode node, string name) =>
        (Child(node, name) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? new List<YamlMappingNode>();

    private static string Describe(JsonElement value)
    {
        string raw = value.GetRawText();
        return value.ValueKind + " " + (raw.Length > 40 ? raw.Substring(0, 40) + "..." : raw);
    }
}
