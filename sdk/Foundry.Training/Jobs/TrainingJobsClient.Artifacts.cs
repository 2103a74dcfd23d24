using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>The attempt alias the service resolves to the job's current attempt.</summary>
    public const string LatestAttempt = "latest";

    /// <summary>Lists the artifacts of an attempt (<c>GET .../attempts/{attempt_id}/artifacts</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="options">Paging and a path prefix; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The artifacts, fetched a page at a time.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <c>options.Limit</c> is outside 1–100.</exception>
    public virtual AsyncPageable<JobArtifact> GetArtifactsAsync(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetArtifacts, ArtifactsFetcher<JobArtifact>(jobName, attemptId, options, "/artifacts", a => a.Path), jobName, cancellationToken);

    /// <inheritdoc cref="GetArtifactsAsync"/>
    public virtual Pageable<JobArtifact> GetArtifacts(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetArtifacts, ArtifactsFetcher<JobArtifact>(jobName, attemptId, options, "/artifacts", a => a.Path), jobName, cancellationToken);

    /// <summary>Gets the metadata of one artifact (<c>GET .../artifacts/metadata?path=</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="path">The artifact path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The artifact metadata.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobArtifact>> GetArtifactMetadataAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        GetArtifactValueAsync<JobArtifact>(TrainingJobsOperations.GetArtifactMetadata, jobName, attemptId, path, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetArtifactMetadataAsync"/>
    public virtual Response<JobArtifact> GetArtifactMetadata(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        GetArtifactValueAsync<JobArtifact>(TrainingJobsOperations.GetArtifactMetadata, jobName, attemptId, path, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a download URI for one artifact (<c>GET .../artifacts/content_info?path=</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="path">The artifact path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content information; its URI is usually pre-signed, so treat it as a secret.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobArtifactContentInfo>> GetArtifactContentInfoAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        GetArtifactValueAsync<JobArtifactContentInfo>(TrainingJobsOperations.GetArtifactContentInfo, jobName, attemptId, path, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetArtifactContentInfoAsync"/>
    public virtual Response<JobArtifactContentInfo> GetArtifactContentInfo(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        GetArtifactValueAsync<JobArtifactContentInfo>(TrainingJobsOperations.GetArtifactContentInfo, jobName, attemptId, path, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists download URIs for every artifact under a prefix (<c>GET .../artifacts/content_info_by_prefix</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="options">Paging and the path prefix (the artifact root when none).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The content information, fetched a page at a time.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <c>options.Limit</c> is outside 1–100.</exception>
    public virtual AsyncPageable<JobArtifactContentInfo> GetArtifactContentInfosAsync(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetArtifactContentInfos, ArtifactsFetcher<JobArtifactContentInfo>(jobName, attemptId, options, "/content_info_by_prefix", a => a.Path), jobName, cancellationToken);

    /// <inheritdoc cref="GetArtifactContentInfosAsync"/>
    public virtual Pageable<JobArtifactContentInfo> GetArtifactContentInfos(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetArtifactContentInfos, ArtifactsFetcher<JobArtifactContentInfo>(jobName, attemptId, options, "/content_info_by_prefix", a => a.Path), jobName, cancellationToken);

    /// <summary>Downloads one artifact's content (<c>GET .../artifacts/content?path=</c>) as a stream that is read as it arrives.</summary>
    /// <remarks>
    /// When the service advertises ranges (<c>Accept-Ranges: bytes</c>) and a version (<c>ETag</c>), a body whose
    /// connection breaks is resumed from the last byte received with a range request that only succeeds if the artifact
    /// is still that version (<c>If-Match</c>); when it also reports the content's MD5, the bytes read are checked at the
    /// end of the stream. Reading then fails with a <see cref="RequestFailedException"/>: <c>ArtifactChanged</c> (a new
    /// version), <c>ArtifactCorrupted</c> (the MD5 differs) or <c>ArtifactDownloadIncomplete</c> (the connection kept
    /// breaking). A read cancelled by its token throws <see cref="OperationCanceledException"/>.
    /// </remarks>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="path">The artifact path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content stream; dispose it when done.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<Stream>> DownloadArtifactAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        DownloadArtifactCoreAsync(jobName, attemptId, path, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DownloadArtifactAsync"/>
    public virtual Response<Stream> DownloadArtifact(string jobName, string attemptId, string path, CancellationToken cancellationToken = default) =>
        DownloadArtifactCoreAsync(jobName, attemptId, path, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<Stream>> DownloadArtifactCoreAsync(string jobName, string attemptId, string path, bool async, CancellationToken cancellationToken)
    {
        string route = TrainingJobsOperations.DownloadArtifact.Path(jobName, attemptId);
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        return _pipeline.CallForStreamAsync(TrainingJobsOperations.DownloadArtifact, route, "*/*", message => message.Request.Uri.AppendQuery("path", path, escapeValue: true), jobName, null, async, cancellationToken, _contentRanges, path, "Artifact");
    }

    private ValueTask<Response<T>> GetArtifactValueAsync<T>(ServiceOperation operation, string jobName, string attemptId, string path, bool async, CancellationToken cancellationToken)
    {
        string artifactRoute = operation.Path(jobName, attemptId);
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        return GetValueAsync<T>(operation, artifactRoute, uri => uri.AppendQuery("path", path, escapeValue: true), jobName, async, cancellationToken);
    }

    private PageFetcher<T> ArtifactsFetcher<T>(string jobName, string attemptId, ArtifactListOptions? options, string route, Func<T, string?> idOf)
        where T : notnull
    {
        ServiceOperation operation = route == "/artifacts" ? TrainingJobsOperations.GetArtifacts : TrainingJobsOperations.GetArtifactContentInfos;
        string path = operation.Path(jobName, attemptId);
        ValidatePaging(options, nameof(options));
        return ListPaging.Cursor(
            _pipeline,
            (after, limit) =>
            {
                HttpMessage message = _pipeline.CreateRequest(operation, path);
                if (options?.PathPrefix is not null)
                {
                    message.Request.Uri.AppendQuery("path_prefix", options.PathPrefix, escapeValue: true);
                }

                AppendPaging(message.Request.Uri, options, after, limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<T>(),
            idOf);
    }
}
