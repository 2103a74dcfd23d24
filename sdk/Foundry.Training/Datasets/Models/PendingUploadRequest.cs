using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>What <c>StartPendingUpload</c> asks for: a blob container to upload a version's data into.</summary>
public sealed class PendingUploadRequest : ExtensibleModel<PendingUploadRequest>
{
    /// <summary>Creates a request for a blob reference (the only kind of pending upload the service supports).</summary>
    public PendingUploadRequest()
    {
    }

    /// <summary>The id of the pending upload to resume; the service makes one up when null.</summary>
    [JsonPropertyName("pendingUploadId")]
    public string? PendingUploadId { get; set; }

    /// <summary>The Azure Storage connection to generate the temporary SAS for; the project's default when null.</summary>
    [JsonPropertyName("connectionName")]
    public string? ConnectionName { get; set; }

    /// <summary>The kind of pending upload. Defaults to (and must be) <see cref="PendingUploadType.BlobReference"/>.</summary>
    [JsonPropertyName("pendingUploadType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PendingUploadType PendingUploadType { get; set; } = PendingUploadType.BlobReference;
}
