using System.Text.Json.Nodes;
using Foundry.Training.Cli.JobFiles;

namespace Foundry.Training.Cli.Tests;

/// <summary>YAML job files are read as JSON: YAML 1.2 core scalars, bounded aliases, one document.</summary>
public sealed class YamlToJsonTests
{
    [Fact]
    public void Scalars_ResolveAsYaml12CoreSchema_QuotedStayText()
    {
        JsonNode? json = YamlToJson.Convert("""
            nothing: ~
            empty:
            null_word: null
            yes_flag: true
            no_flag: False
            integer: 42
            negative: -7
            hex: 0x1F
            octal: 0o17
            plus: +5
            padded: 007
            float: 2.0e-4
            dot: .5
            big: 123456789012345678901234567890
            infinity: .inf
            quoted_number: "42"
            single: 'true'
            tagged: !!str 3.14
            version: 1.10
            text: hello world
            block: |
              line one
              line two
            list: [1, two, 3.5]
            """);

        JsonNode expected = JsonNode.Parse("""
            {
              "nothing": null, "empty": null, "null_word": null, "yes_flag": true, "no_flag": false,
              "integer": 42, "negative": -7, "hex": 31, "octal": 15, "plus": 5, "padded": 7,
              "float": 2.0e-4, "dot": 0.5, "big": 123456789012345678901234567890, "infinity": ".inf",
              "quoted_number": "42", "single": "true", "tagged": "3.14", "version": 1.10, "text": "hello world",
              "block": "line one\nline two\n", "list": [1, "two", 3.5]
            }
            """)!;
        JsonNode.DeepEquals(json, expected).Should().BeTrue(json!.ToJsonString());
        json["big"]!.ToJsonString().Should().Be("123456789012345678901234567890", "numbers reach the serializer digit for digit");
    }

    [Fact]
    public void Aliases_AreExpanded()
    {
        JsonNode? json = YamlToJson.Convert("""
            base: &lora {rank: 16, alpha: 32}
            copy: *lora
            """);

        JsonNode.DeepEquals(json!["copy"], JsonNode.Parse("""{"rank":16,"alpha":32}""")).Should().BeTrue();
    }

    [Fact]
    public void AnAliasBomb_IsRefused_NotExpanded()
    {
        var yaml = new System.Text.StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++)
        {
            char previous = (char)(c - 1);
            yaml.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
        }

        FluentActions.Invoking(() => YamlToJson.Convert(yaml.ToString()))
            .Should().Throw<JobDocumentException>().WithMessage("*expands to more than 100,000 values*");
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "line 2, column 1: The key 'a' appears twice in the same mapping.")]
    [InlineData("a: 1\n---\nb: 2\n", "A job file holds one YAML document")]
    [InlineData("", "The file is empty.")]
    [InlineData("? [1, 2]\n: x\n", "Mapping keys must be plain text.")]
    [InlineData("base: &b {x: 1}\nuse:\n  <<: *b\n", "Merge keys (<<) are not supported")]
    [InlineData("a: *nowhere\n", "The alias *nowhere names no anchor before it.")]
    [InlineData("a: \"unterminated\n", "line ")]
    public void Mistakes_AreProblemsWithAPosition(string yaml, string message)
    {
        FluentActions.Invoking(() => YamlToJson.Convert(yaml))
            .Should().Throw<JobDocumentException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Contain(message);
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        string yaml = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));

        FluentActions.Invoking(() => YamlToJson.Convert(yaml)).Should().Throw<JobDocumentException>().WithMessage("*deeper than 64 levels*");
    }
}
