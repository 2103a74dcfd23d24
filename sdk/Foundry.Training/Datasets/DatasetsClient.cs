using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training.Datasets;

/// <summary>
/// Client for Azure AI Foundry datasets: list, read, create, update and delete dataset versions, and upload local files
/// and folders as new versions (in blocks, in parallel, named by a content hash when no version is given) so that
/// training jobs can use them as <c>azureai://datasets/{name}/versions/{version}</c>. Thread-safe; create one per
/// project and reuse it.
/// </summary>
/// <remarks>The operations are split by concern across the partial files of this class.</remarks>
public partial class DatasetsClient : IDatasetsClient
{
    private readonly ServicePipeline _pipeline;
    private readonly ServicePipeline _storagePipeline;
    private readonly DatasetsClientOptions _options;

    /// <summary>For mocking.</summary>
    protected DatasetsClient()
    {
        _pipeline = null!;
        _storagePipeline = null!;
        _options = null!;
    }

    /// <summary>Creates a client for a Foundry project.</summary>
    /// <param name="endpoint">
    /// The project endpoint, <c>https://{account}.services.ai.azure.com/api/projects/{project}</c>. Plain HTTP is only
    /// accepted for loopback addresses (tests, the emulator).
    /// </param>
    /// <param name="credential">An Entra ID credential; tokens are requested for <see cref="DatasetsClientOptions.Audience"/>.</param>
    /// <param name="options">Service version, retries, diagnostics, transport and upload settings; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not absolute, or neither HTTPS nor loopback.</exception>
    public DatasetsClient(Uri endpoint, TokenCredential credential, DatasetsClientOptions? options = null)
    {
        _options = options ?? new DatasetsClientOptions();
        _pipeline = ServicePipelineFactory.ForDatasets(endpoint, credential, _options);
        // No credential: the SAS is the authorization.
        _storagePipeline = new ServicePipeline(_pipeline.Endpoint, ServicePipelineFactory.ForDownloads(_options), _pipeline.Serves, apiVersion: null, buffering: _options);
    }

    /// <summary>The project endpoint this client talks to.</summary>
    public virtual Uri Endpoint => _pipeline.Endpoint;

    /// <summary>Lists the latest version of every dataset in the project.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The versions, fetched page by page (<c>{value, nextLink}</c>).</returns>
    public virtual AsyncPageable<DatasetVersion> GetDatasetsAsync(CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(DatasetsOperations.GetDatasets, LatestFetcher(), null, cancellationToken);

    /// <summary>Lists the latest version of every dataset in the project.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The versions, fetched page by page (<c>{value, nextLink}</c>).</returns>
    public virtual Pageable<DatasetVersion> GetDatasets(CancellationToken cancellationToken = default) =>
        ListPaging.Pages(DatasetsOperations.GetDatasets, LatestFetcher(), null, cancellationToken);

    /// <summary>Lists the versions of a dataset.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The versions, fetched page by page (<c>{value, nextLink}</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment.</exception>
    public virtual AsyncPageable<DatasetVersion> GetVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(DatasetsOperations.GetVersions, VersionsFetcher(name), null, cancellationToken);

    /// <summary>Lists the versions of a dataset.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The versions, fetched page by page (<c>{value, nextLink}</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment.</exception>
    public virtual Pageable<DatasetVersion> GetVersions(string name, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(DatasetsOperations.GetVersions, VersionsFetcher(name), null, cancellationToken);

    /// <summary>Gets a dataset version.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version: a <see cref="FileDatasetVersion"/>, <see cref="FolderDatasetVersion"/> or <see cref="UnknownDatasetVersion"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request (404 when there is no such version; <see cref="GetVersionIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<DatasetVersion>> GetVersionAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetVersionCoreAsync(name, version, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetVersionAsync"/>
    public virtual Response<DatasetVersion> GetVersion(string name, string version, CancellationToken cancellationToken = default) =>
        GetVersionCoreAsync(name, version, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a dataset version if it exists: a 404 is an answer here, not a failure.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The version (as <see cref="GetVersionAsync"/> reads it), or, when there is no such version, a response whose
    /// <see cref="NullableResponse{T}.HasValue"/> is false (its raw response is the 404; Azure.Core does not log it as an
    /// error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request with a status other than 404.</exception>
    public virtual Task<NullableResponse<DatasetVersion>> GetVersionIfExistsAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetVersionIfExistsCoreAsync(name, version, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetVersionIfExistsAsync"/>
    public virtual NullableResponse<DatasetVersion> GetVersionIfExists(string name, string version, CancellationToken cancellationToken = default) =>
        GetVersionIfExistsCoreAsync(name, version, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Creates a dataset version, or updates one (<c>PATCH</c>, JSON merge patch: what is not set is left as it is).
    /// </summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="datasetVersion">The version's properties (<see cref="FileDatasetVersion"/> or <see cref="FolderDatasetVersion"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version as the service stored it (status 201 when created, 200 when updated).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="datasetVersion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<DatasetVersion>> CreateOrUpdateVersionAsync(string name, string version, DatasetVersion datasetVersion, CancellationToken cancellationToken = default) =>
        CreateOrUpdateVersionCoreAsync(name, version, datasetVersion, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateOrUpdateVersionAsync"/>
    public virtual Response<DatasetVersion> CreateOrUpdateVersion(string name, string version, DatasetVersion datasetVersion, CancellationToken cancellationToken = default) =>
        CreateOrUpdateVersionCoreAsync(name, version, datasetVersion, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Deletes a dataset version (and its data, unless the version is only a reference to storage).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response (204).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response> DeleteVersionAsync(string name, string version, CancellationToken cancellationToken = default) =>
        DeleteVersionCoreAsync(name, version, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteVersionAsync"/>
    public virtual Response DeleteVersion(string name, string version, CancellationToken cancellationToken = default) =>
        DeleteVersionCoreAsync(name, version, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Starts a pending upload for a version (or gets the one already started): a blob container and a SAS to write
    /// the data into before the version is created. <see cref="UploadFileAsync"/> and <see cref="UploadFolderAsync"/> do
    /// all of it.
    /// </summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="request">The pending upload's id and connection; a new blob reference upload when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pending upload. Its <see cref="SasCredential.SasUri"/> is a secret.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<PendingUploadResult>> StartPendingUploadAsync(string name, string version, PendingUploadRequest? request = null, CancellationToken cancellationToken = default) =>
        StartPendingUploadCoreAsync(name, version, request, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="StartPendingUploadAsync"/>
    public virtual Response<PendingUploadResult> StartPendingUpload(string name, string version, PendingUploadRequest? request = null, CancellationToken cancellationToken = default) =>
        StartPendingUploadCoreAsync(name, version, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a SAS credential to read a dataset version's data in the project's storage.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential. Its <see cref="SasCredential.SasUri"/> is a secret.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<DatasetCredential>> GetCredentialsAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetCredentialsCoreAsync(name, version, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetCredentialsAsync"/>
    public virtual Response<DatasetCredential> GetCredentials(string name, string version, CancellationToken cancellationToken = default) =>
        GetCredentialsCoreAsync(name, version, async: false, cancellationToken).EnsureCompleted();

    private PageFetcher<DatasetVersion> LatestFetcher() => NextLinkFetcher(DatasetsOperations.GetDatasets, DatasetsOperations.GetDatasets.Path());

    private PageFetcher<DatasetVersion> VersionsFetcher(string name) => NextLinkFetcher(DatasetsOperations.GetVersions, DatasetsOperations.GetVersions.Path(name));

    private PageFetcher<DatasetVersion> NextLinkFetcher(ServiceOperation operation, string path) =>
        ListPaging.NextLink(_pipeline, _ => _pipeline.CreateRequest(operation, path), ModelSerialization.GetTypeInfo<DatasetVersion>());

    private ValueTask<Response<DatasetVersion>> GetVersionCoreAsync(string name, string version, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<DatasetVersion>(DatasetsOperations.GetVersion, DatasetsOperations.GetVersion.Path(name, version), null, null, name, async, cancellationToken);

    /// <summary>The GET of <see cref="GetVersionCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<DatasetVersion>> GetVersionIfExistsCoreAsync(string name, string version, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<DatasetVersion>(DatasetsOperations.GetVersion, DatasetsOperations.GetVersion.Path(name, version), null, name, async, cancellationToken);

    private ValueTask<Response<DatasetVersion>> CreateOrUpdateVersionCoreAsync(string name, string version, DatasetVersion datasetVersion, bool async, CancellationToken cancellationToken)
    {
        string path = DatasetsOperations.CreateOrUpdateVersion.Path(name, version);
        Argument.AssertNotNull(datasetVersion, nameof(datasetVersion));
        return _pipeline.CallForValueAsync<DatasetVersion>(
            DatasetsOperations.CreateOrUpdateVersion,
            path,
            message =>
            {
                _pipeline.SetJsonContent(message, datasetVersion);
                message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/merge-patch+json");
            },
            null,
            name,
            async,
            cancellationToken);
    }

    private ValueTask<Response> DeleteVersionCoreAsync(string name, string version, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForResponseAsync(DatasetsOperations.DeleteVersion, DatasetsOperations.DeleteVersion.Path(name, version), name, async, cancellationToken);

    private ValueTask<Response<PendingUploadResult>> StartPendingUploadCoreAsync(string name, string version, PendingUploadRequest? request, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<PendingUploadResult>(
            DatasetsOperations.StartPendingUpload,
            DatasetsOperations.StartPendingUpload.Path(name, version),
            message =>
            {
                _pipeline.SetJsonContent(message, request ?? new PendingUploadRequest());
                RetrySafety.MarkSafe(message); // the service returns the pending upload already started for this version
            },
            null,
            name,
            async,
            cancellationToken);

    private ValueTask<Response<DatasetCredential>> GetCredentialsCoreAsync(string name, string version, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<DatasetCredential>(
            DatasetsOperations.GetCredentials,
            DatasetsOperations.GetCredentials.Path(name, version),
            RetrySafety.MarkSafe, // reads a credential; changes nothing
            null,
            name,
            async,
            cancellationToken);
}
