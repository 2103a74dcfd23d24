using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Source-generated metadata for the Foundry training jobs models.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobOperationStatus))]
internal sealed partial class JobsJsonContext : JsonSerializerContext
{
}
