using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Datasets;

public partial class DatasetsClient
{
    /// <summary>
    /// Uploads a local file as a new dataset version (<c>uri_file</c>): starts a pending upload, writes the file into
    /// its blob container (in blocks, in parallel, when it is larger than <see cref="DatasetsClientOptions.UploadBlockSize"/>)
    /// and creates the version with the blob's URL as <c>dataUri</c>.
    /// </summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="path">The local file.</param>
    /// <param name="version">
    /// The version to create; when null, a hash of the file's name and bytes (see the remarks), and a version of that
    /// hash that already exists is returned without uploading anything.
    /// </param>
    /// <param name="options">Progress, description and storage connection; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The version; refer to it in a training job through <see cref="DatasetVersion.AssetReference"/>.</returns>
    /// <remarks>
    /// The content-hash version is the first 32 hexadecimal digits of a SHA-256 over <c>foundry-dataset-v1\nfile\n</c>
    /// and, for the file, the UTF-8 byte count of its name, <c>:</c>, the name, its byte count, <c>:</c> and its bytes
    /// (see docs/datasets.md). The SAS the service hands out for the upload is never logged, put in an exception or in
    /// <c>dataUri</c>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment, or the file does not exist or its name holds a backslash or a control character (which blob storage does not keep as they are).</exception>
    /// <exception cref="RequestFailedException">
    /// The service or storage failed a request (after retries), or sent an unusable pending upload or version; or a
    /// local file changed while it was being uploaded (status 0, <c>LocalFileChanged</c>: its length or last write time
    /// differs from when it was listed) or could not be read (<c>LocalFileReadFailed</c>). No version is created then.
    /// </exception>
    public virtual Task<Response<FileDatasetVersion>> UploadFileAsync(string name, string path, string? version = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadFileCoreAsync(name, path, version, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadFileAsync"/>
    public virtual Response<FileDatasetVersion> UploadFile(string name, string path, string? version = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadFileCoreAsync(name, path, version, options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Uploads a local folder as a new dataset version (<c>uri_folder</c>): starts a pending upload, writes every file
    /// below the folder (that <paramref name="filter"/> accepts) into its blob container under the same relative path,
    /// and creates the version with the container folder's URL as <c>dataUri</c>. Links are skipped.
    /// </summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="directory">The local folder.</param>
    /// <param name="version">
    /// The version to create; when null, a hash of the relative paths and bytes of the files (see the remarks), and a
    /// version of that hash that already exists is returned without uploading anything.
    /// </param>
    /// <param name="filter">Which files to upload, given each one's path below the folder (<c>/</c>-separated); all when null.</param>
    /// <param name="options">Progress, description and storage connection; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The version; refer to it in a training job through <see cref="DatasetVersion.AssetReference"/>.</returns>
    /// <remarks>
    /// The content-hash version is the first 32 hexadecimal digits of a SHA-256 over <c>foundry-dataset-v1\nfolder\n</c>
    /// and, for each file in ordinal order of its relative path, the path's UTF-8 byte count, <c>:</c>, the path, the
    /// file's byte count, <c>:</c> and its bytes (see docs/datasets.md).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> cannot be a path segment, or the folder does not exist, holds no file to upload, or holds one to upload whose path has a backslash or a control character (which blob storage does not keep as they are).</exception>
    /// <exception cref="RequestFailedException">
    /// The service or storage failed a request (after retries), or sent an unusable pending upload or version; or a
    /// local file changed while it was being uploaded (status 0, <c>LocalFileChanged</c>: its length or last write time
    /// differs from when it was listed) or could not be read (<c>LocalFileReadFailed</c>). No version is created then.
    /// </exception>
    public virtual Task<Response<FolderDatasetVersion>> UploadFolderAsync(string name, string directory, string? version = null, Func<string, bool>? filter = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadFolderCoreAsync(name, directory, version, filter, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadFolderAsync"/>
    public virtual Response<FolderDatasetVersion> UploadFolder(string name, string directory, string? version = null, Func<string, bool>? filter = null, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadFolderCoreAsync(name, directory, version, filter, options, async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<Response<FileDatasetVersion>> UploadFileCoreAsync(string name, string path, string? version, DatasetUploadOptions? options, bool async, CancellationToken cancellationToken)
    {
        AssertUploadNames(name, version);
        LocalFiles files = LocalFiles.ForFile(path, nameof(path));
        return await UploadCoreAsync<FileDatasetVersion>("DatasetsClient.UploadFile", name, files, version, options, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FolderDatasetVersion>> UploadFolderCoreAsync(string name, string directory, string? version, Func<string, bool>? filter, DatasetUploadOptions? options, bool async, CancellationToken cancellationToken)
    {
        AssertUploadNames(name, version);
        LocalFiles files = LocalFiles.ForFolder(directory, filter, nameof(directory));
        return await UploadCoreAsync<FolderDatasetVersion>("DatasetsClient.UploadFolder", name, files, version, options, async, cancellationToken).ConfigureAwait(false);
    }

    private static void AssertUploadNames(string name, string? version)
    {
        PathSegment.Assert(name, nameof(name));
        if (version is not null)
        {
            PathSegment.Assert(version, nameof(version));
        }
    }

    private async ValueTask<Response<T>> UploadCoreAsync<T>(string operationName, string name, LocalFiles files, string? version, DatasetUploadOptions? options, bool async, CancellationToken cancellationToken)
        where T : DatasetVersion
    {
        using OperationScope scope = OperationScope.Start(operationName, id: name);
        try
        {
            if (version is null)
            {
                version = await ContentHash.ComputeAsync(files, async, cancellationToken).ConfigureAwait(false);
                Response<T>? existing = await FindExistingAsync<T>(name, version, async, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return existing;
                }
            }

            var request = new PendingUploadRequest { ConnectionName = options?.ConnectionName };
            Response<PendingUploadResult> pending = await StartPendingUploadCoreAsync(name, version, request, async, cancellationToken).ConfigureAwait(false);
            var container = UploadContainer.From(pending.GetRawResponse(), pending.Value);

            var blobs = new List<BlobUpload>(files.Files.Count);
            foreach (LocalFile file in files.Files)
            {
                blobs.Add(new BlobUpload(file.FullPath, file.Length, file.LastWriteTimeUtc, container.BlobUrl(file.RelativePath), file.RelativePath));
            }

            var progress = new ProgressReporter(options?.Progress, files.TotalBytes);
            var uploader = new BlockUploader(_storagePipeline, _options.UploadBlockSize, _options.MaxConcurrentUploads);
            await uploader.UploadAsync(blobs, progress.Add, async, cancellationToken).ConfigureAwait(false);
            progress.Complete();

            DatasetVersion created = files.Kind == "file"
                ? new FileDatasetVersion(container.DataUri(files.Files[0].RelativePath))
                : new FolderDatasetVersion(container.DataUri(null));
            created.Description = options?.Description;
            Response<DatasetVersion> response = await CreateOrUpdateVersionCoreAsync(name, version, created, async, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(As<T>(response, name, version), response.GetRawResponse());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A local file that cannot be read fails the transfer as a download's file that cannot be written does.
            RequestFailedException failure = ServiceFailure.Create(0, $"A file of the upload could not be read: {ex.Message}", "LocalFileReadFailed", ex);
            scope.Failed(failure);
            throw failure;
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// The version of that content hash, if it exists already: a 404 says it does not yet, an answer rather than a
    /// failure (not thrown, not logged as an error response, the lookup's span not failed).
    /// </summary>
    private async ValueTask<Response<T>?> FindExistingAsync<T>(string name, string version, bool async, CancellationToken cancellationToken)
        where T : DatasetVersion
    {
        NullableResponse<DatasetVersion> found = await GetVersionIfExistsCoreAsync(name, version, async, cancellationToken).ConfigureAwait(false);
        return found.HasValue ? Response.FromValue(As<T>(found, name, version), found.GetRawResponse()) : null;
    }

    /// <summary>
    /// The version the service answered with, checked to be the kind uploaded and the very version asked for: its
    /// <see cref="DatasetVersion.AssetReference"/> is what a job trains on, so it is never the service's to change or leave out.
    /// </summary>
    private static T As<T>(NullableResponse<DatasetVersion> response, string name, string version)
        where T : DatasetVersion
    {
        Response raw = response.GetRawResponse();
        if (response.Value is not T value)
        {
            throw ServiceFailure.Create(
                raw,
                $"Service returned status {raw.Status} with a dataset version of type '{response.Value?.Type}', where '{(typeof(T) == typeof(FileDatasetVersion) ? DatasetType.UriFile : DatasetType.UriFolder)}' was expected.",
                "InvalidResponseBody");
        }

        if (!string.Equals(value.Name, name, StringComparison.Ordinal) || !string.Equals(value.Version, version, StringComparison.Ordinal))
        {
            throw ServiceFailure.Create(
                raw,
                $"Service returned status {raw.Status} with dataset '{value.Name}' version '{value.Version}', where dataset '{name}' version '{version}' was asked for.",
                "InvalidResponseBody");
        }

        return value;
    }
}
