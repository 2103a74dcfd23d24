using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Training.Datasets;

/// <summary>Builds Foundry datasets models with the values only the service sets, for tests and mocks.</summary>
public static class DatasetsModelFactory
{
    /// <summary>Builds a <see cref="Datasets.FileDatasetVersion"/>.</summary>
    /// <param name="dataUri">The URL of the blob.</param>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="id">The asset id.</param>
    /// <param name="isReference">Whether the dataset only refers to storage it does not manage.</param>
    /// <param name="description">The description.</param>
    /// <param name="tags">The tags.</param>
    /// <returns>The version.</returns>
    public static FileDatasetVersion FileDatasetVersion(string? dataUri = null, string? name = null, string? version = null, string? id = null, bool? isReference = null, string? description = null, IDictionary<string, string>? tags = null) =>
        Fill(new FileDatasetVersion(), dataUri, name, version, id, isReference, description, tags);

    /// <summary>Builds a <see cref="Datasets.FolderDatasetVersion"/>.</summary>
    /// <param name="dataUri">The URL of the blob folder.</param>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="id">The asset id.</param>
    /// <param name="isReference">Whether the dataset only refers to storage it does not manage.</param>
    /// <param name="description">The description.</param>
    /// <param name="tags">The tags.</param>
    /// <returns>The version.</returns>
    public static FolderDatasetVersion FolderDatasetVersion(string? dataUri = null, string? name = null, string? version = null, string? id = null, bool? isReference = null, string? description = null, IDictionary<string, string>? tags = null) =>
        Fill(new FolderDatasetVersion(), dataUri, name, version, id, isReference, description, tags);

    /// <summary>Builds a dataset version of a type this version of the SDK does not know.</summary>
    /// <param name="type">The <c>type</c>; null leaves it out.</param>
    /// <param name="dataUri">The URL of the data.</param>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The version.</returns>
    public static UnknownDatasetVersion UnknownDatasetVersion(string? type = null, string? dataUri = null, string? name = null, string? version = null, IDictionary<string, JsonElement>? additionalProperties = null)
    {
        UnknownDatasetVersion model = Fill(new UnknownDatasetVersion(), dataUri, name, version, null, null, null, null);
        if (additionalProperties is not null)
        {
            foreach (KeyValuePair<string, JsonElement> pair in additionalProperties)
            {
                model.AdditionalProperties[pair.Key] = pair.Value;
            }
        }

        if (type is not null)
        {
            model.AdditionalProperties["type"] = JsonSerializer.SerializeToElement(type, CoreJsonContext.Default.String);
        }

        return model;
    }

    /// <summary>Builds a <see cref="Datasets.PendingUploadResult"/>.</summary>
    /// <param name="blobReference">Where to upload, with the SAS.</param>
    /// <param name="pendingUploadId">The id of the pending upload.</param>
    /// <param name="version">The version to be created.</param>
    /// <param name="pendingUploadType">The kind of pending upload; <see cref="PendingUploadType.BlobReference"/> when null.</param>
    /// <returns>The pending upload.</returns>
    public static PendingUploadResult PendingUploadResult(BlobReference? blobReference = null, string? pendingUploadId = null, string? version = null, PendingUploadType? pendingUploadType = null) =>
        new()
        {
            BlobReference = blobReference!,
            PendingUploadId = pendingUploadId!,
            Version = version,
            PendingUploadType = pendingUploadType ?? Datasets.PendingUploadType.BlobReference,
        };

    /// <summary>Builds a <see cref="Datasets.BlobReference"/>.</summary>
    /// <param name="blobUri">The blob URI to upload under.</param>
    /// <param name="storageAccountArmId">The ARM id of the storage account.</param>
    /// <param name="credential">The SAS credential.</param>
    /// <returns>The reference.</returns>
    public static BlobReference BlobReference(Uri? blobUri = null, string? storageAccountArmId = null, SasCredential? credential = null) =>
        new() { BlobUri = blobUri, StorageAccountArmId = storageAccountArmId!, Credential = credential! };

    /// <summary>Builds a <see cref="Datasets.SasCredential"/>.</summary>
    /// <param name="sasUri">The container URL with its SAS query.</param>
    /// <param name="credentialType">The kind of credential; <see cref="PendingUploadCredentialType.Sas"/> when null.</param>
    /// <returns>The credential.</returns>
    public static SasCredential SasCredential(Uri? sasUri = null, PendingUploadCredentialType? credentialType = null) =>
        new() { SasUri = sasUri, CredentialType = credentialType ?? PendingUploadCredentialType.Sas };

    /// <summary>Builds a <see cref="Datasets.DatasetCredential"/>.</summary>
    /// <param name="blobReference">Where the data is, with a SAS to read it.</param>
    /// <returns>The credential.</returns>
    public static DatasetCredential DatasetCredential(BlobReference? blobReference = null) => new() { BlobReference = blobReference! };

    private static T Fill<T>(T model, string? dataUri, string? name, string? version, string? id, bool? isReference, string? description, IDictionary<string, string>? tags)
        where T : DatasetVersion
    {
        model.DataUri = dataUri!;
        model.Name = name;
        model.Version = version;
        model.Id = id;
        model.IsReference = isReference;
        model.Description = description;
        if (tags is not null)
        {
            foreach (KeyValuePair<string, string> tag in tags)
            {
                model.Tags[tag.Key] = tag.Value;
            }
        }

        return model;
    }
}
