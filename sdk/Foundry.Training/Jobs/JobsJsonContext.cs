using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Source-generated metadata for the Foundry training jobs models.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobOperationStatus))]
[JsonSerializable(typeof(JobAttempt))]
[JsonSerializable(typeof(JobArtifact))]
[JsonSerializable(typeof(JobArtifactContentInfo))]
[JsonSerializable(typeof(JobMetric))]
[JsonSerializable(typeof(JobMetricPoint))]
[JsonSerializable(typeof(JobMetricLastValue))]
[JsonSerializable(typeof(JobMetricAggregate))]
[JsonSerializable(typeof(JobMetricSample))]
[JsonSerializable(typeof(JobOutputReference))]
[JsonSerializable(typeof(TrainingJobServiceCollection))]
[JsonSerializable(typeof(JobOperationResource))]
internal sealed partial class JobsJsonContext : JsonSerializerContext
{
}
