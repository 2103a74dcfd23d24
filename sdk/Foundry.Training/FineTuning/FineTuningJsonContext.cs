using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Source-generated metadata for the OpenAI-style fine-tuning models.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IngestionJob))]
[JsonSerializable(typeof(UnknownIngestionJob))]
[JsonSerializable(typeof(IngestionJobCompute))]
[JsonSerializable(typeof(UnknownIngestionJobCompute))]
[JsonSerializable(typeof(IngestionTargetIndex))]
[JsonSerializable(typeof(UnknownIngestionTargetIndex))]
[JsonSerializable(typeof(UserComputeDatasource))]
[JsonSerializable(typeof(UnknownUserComputeDatasource))]
[JsonSerializable(typeof(SystemComputeDatasource))]
[JsonSerializable(typeof(UnknownSystemComputeDatasource))]
[JsonSerializable(typeof(IngestionConnection))]
[JsonSerializable(typeof(UnknownIngestionConnection))]
[JsonSerializable(typeof(IngestionJobRun))]
internal sealed partial class FineTuningJsonContext : JsonSerializerContext
{
}
