using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Source-generated metadata for the OpenAI-style fine-tuning models.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
internal sealed partial class FineTuningJsonContext : JsonSerializerContext
{
}
