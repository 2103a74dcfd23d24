using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Source-generated metadata for the Foundry training jobs models.</summary>
/// <remarks>
/// Roots and the polymorphic bases are listed; the generator adds every type they reach (derived types included).
/// Each <c>Unknown*</c> type is listed so its families can read and write it directly.
/// </remarks>
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
[JsonSerializable(typeof(JobExecutionAssetReference))]
[JsonSerializable(typeof(TrainingJobServiceCollection))]
[JsonSerializable(typeof(JobOperationResource))]
[JsonSerializable(typeof(TrainingJob))]
[JsonSerializable(typeof(JobCreate))]
[JsonSerializable(typeof(JobProperties))]
[JsonSerializable(typeof(UnknownJobProperties))]
[JsonSerializable(typeof(TrainingConfiguration))]
[JsonSerializable(typeof(UnknownTrainingConfiguration))]
[JsonSerializable(typeof(TrainingRewardConfiguration))]
[JsonSerializable(typeof(UnknownTrainingRewardConfiguration))]
[JsonSerializable(typeof(DistributionConfiguration))]
[JsonSerializable(typeof(UnknownDistributionConfiguration))]
[JsonSerializable(typeof(NodeCollection))]
[JsonSerializable(typeof(UnknownNodeCollection))]
[JsonSerializable(typeof(JobService))]
internal sealed partial class JobsJsonContext : JsonSerializerContext
{
}
