using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>Source-generated metadata for the Foundry datasets models.</summary>
/// <remarks>Roots and the polymorphic base are listed; <see cref="UnknownDatasetVersion"/> so the family can read and write it directly.</remarks>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatasetVersion))]
[JsonSerializable(typeof(UnknownDatasetVersion))]
[JsonSerializable(typeof(PendingUploadRequest))]
[JsonSerializable(typeof(PendingUploadResult))]
[JsonSerializable(typeof(DatasetCredential))]
internal sealed partial class DatasetsJsonContext : JsonSerializerContext
{
}
