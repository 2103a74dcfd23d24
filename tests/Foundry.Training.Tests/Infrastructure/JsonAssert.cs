using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>Semantic JSON comparison: property order and formatting do not matter, values do.</summary>
public static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        JsonNode? e = JsonNode.Parse(expected);
        JsonNode? a = JsonNode.Parse(actual);
        JsonNode.DeepEquals(e, a).Should().BeTrue($"JSON should be equivalent.{Environment.NewLine}Expected: {e?.ToJsonString()}{Environment.NewLine}Actual:   {a?.ToJsonString()}");
    }

    public static void Equivalent(JsonElement expected, string actual) => Equivalent(expected.GetRawText(), actual);
}
