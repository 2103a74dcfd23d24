using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>Source-generated metadata for the shared, area-independent types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(IDictionary<string, JsonNode>))]
[JsonSerializable(typeof(IDictionary<string, string>))]
[JsonSerializable(typeof(IList<string>))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
}
