using System.Text.Json.Serialization;

namespace Foundry.Training.Benchmarks.Baseline;

/// <summary>Source-generated metadata for the floor models (the fastest typed System.Text.Json reading there is).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorFineTuningPage))]
[JsonSerializable(typeof(FloorFineTuningJob))]
[JsonSerializable(typeof(FloorTrainingJobPage))]
[JsonSerializable(typeof(FloorTrainingJob))]
internal sealed partial class FloorJsonContext : JsonSerializerContext
{
}
