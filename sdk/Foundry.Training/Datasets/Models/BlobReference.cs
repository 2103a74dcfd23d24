using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>A place in the project's blob storage and the credential to reach it.</summary>
public sealed class BlobReference : ExtensibleModel<BlobReference>
{
    [JsonConstructor]
    internal BlobReference()
    {
        StorageAccountArmId = null!;
        Credential = null!;
    }

    /// <summary>
    /// The blob URI to upload data under (<c>https://{account}.blob.core.windows.net/{container}/{path}</c>), without
    /// credentials. Required.
    /// </summary>
    /// <remarks>A value that is not a valid URI reads as null and is kept in <see cref="ExtensibleModel.AdditionalProperties"/>.</remarks>
    [JsonInclude]
    [JsonPropertyName("blobUri")]
    public Uri? BlobUri { get; internal set; }

    /// <summary>The ARM id of the storage account. Required.</summary>
    [JsonInclude]
    [JsonPropertyName("storageAccountArmId")]
    public string StorageAccountArmId { get; internal set; }

    /// <summary>The credential to access the storage account. Required.</summary>
    [JsonInclude]
    [JsonPropertyName("credential")]
    public SasCredential Credential { get; internal set; }
}
