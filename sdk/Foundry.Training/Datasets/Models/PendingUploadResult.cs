using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>A pending upload: the blob container to write a version's data into, and the credential to write with.</summary>
public sealed class PendingUploadResult : ExtensibleModel<PendingUploadResult>
{
    [JsonConstructor]
    internal PendingUploadResult()
    {
        BlobReference = null!;
        PendingUploadId = null!;
    }

    /// <summary>Where to upload, with a container-level read, write and list SAS. Required.</summary>
    [JsonInclude]
    [JsonPropertyName("blobReference")]
    public BlobReference BlobReference { get; internal set; }

    /// <summary>The id of this pending upload. Required.</summary>
    [JsonInclude]
    [JsonPropertyName("pendingUploadId")]
    public string PendingUploadId { get; internal set; }

    /// <summary>The version the service will create, when the request did not name one.</summary>
    [JsonInclude]
    [JsonPropertyName("version")]
    public string? Version { get; internal set; }

    /// <summary>The kind of pending upload (<see cref="PendingUploadType.BlobReference"/>).</summary>
    [JsonInclude]
    [JsonPropertyName("pendingUploadType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PendingUploadType PendingUploadType { get; internal set; }
}
