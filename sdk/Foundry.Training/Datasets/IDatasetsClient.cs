using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Datasets;

/// <summary>The operations of <see cref="DatasetsClient"/>, for mocking and decoration.</summary>
public interface IDatasetsClient
{
    /// <inheritdoc cref="DatasetsClient.Endpoint"/>
    Uri Endpoint { get; }

    /// <inheritdoc cref="DatasetsClient.GetDatasetsAsync"/>
    AsyncPageable<DatasetVersion> GetDatasetsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetDatasets"/>
    Pageable<DatasetVersion> GetDatasets(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersionsAsync"/>
    AsyncPageable<DatasetVersion> GetVersionsAsync(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersions"/>
    Pageable<DatasetVersion> GetVersions(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersionAsync"/>
    Task<Response<DatasetVersion>> GetVersionAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersion"/>
    Response<DatasetVersion> GetVersion(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersionIfExistsAsync"/>
    Task<NullableResponse<DatasetVersion>> GetVersionIfExistsAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetVersionIfExists"/>
    NullableResponse<DatasetVersion> GetVersionIfExists(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.CreateOrUpdateVersionAsync"/>
    Task<Response<DatasetVersion>> CreateOrUpdateVersionAsync(string name, string version, DatasetVersion datasetVersion, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.CreateOrUpdateVersion"/>
    Response<DatasetVersion> CreateOrUpdateVersion(string name, string version, DatasetVersion datasetVersion, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.DeleteVersionAsync"/>
    Task<Response> DeleteVersionAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.DeleteVersion"/>
    Response DeleteVersion(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.StartPendingUploadAsync"/>
    Task<Response<PendingUploadResult>> StartPendingUploadAsync(string name, string version, PendingUploadRequest? request = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.StartPendingUpload"/>
    Response<PendingUploadResult> StartPendingUpload(string name, string version, PendingUploadRequest? request = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetCredentialsAsync"/>
    Task<Response<DatasetCredential>> GetCredentialsAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.GetCredentials"/>
    Response<DatasetCredential> GetCredentials(string name, string version, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.UploadFileAsync"/>
    Task<Response<FileDatasetVersion>> UploadFileAsync(string name, string path, string? version = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.UploadFile"/>
    Response<FileDatasetVersion> UploadFile(string name, string path, string? version = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.UploadFolderAsync"/>
    Task<Response<FolderDatasetVersion>> UploadFolderAsync(string name, string directory, string? version = null, Func<string, bool>? filter = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.UploadFolder"/>
    Response<FolderDatasetVersion> UploadFolder(string name, string directory, string? version = null, Func<string, bool>? filter = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.ResolveLocalPathsAsync"/>
    Task<Foundry.Training.Jobs.CommandJob> ResolveLocalPathsAsync(Foundry.Training.Jobs.CommandJob job, LocalAssetOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DatasetsClient.ResolveLocalPaths"/>
    Foundry.Training.Jobs.CommandJob ResolveLocalPaths(Foundry.Training.Jobs.CommandJob job, LocalAssetOptions? options = null, CancellationToken cancellationToken = default);
}
