using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>The operations of <see cref="FineTuningFilesClient"/>, for mocking and decoration.</summary>
public interface IFineTuningFilesClient
{
    /// <inheritdoc cref="FineTuningFilesClient.UploadAsync(Stream, string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    Task<Response<FineTuningFile>> UploadAsync(Stream content, string fileName, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Upload(Stream, string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    Response<FineTuningFile> Upload(Stream content, string fileName, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.UploadAsync(string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    Task<Response<FineTuningFile>> UploadAsync(string path, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Upload(string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    Response<FineTuningFile> Upload(string path, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.ImportAsync"/>
    Task<Response<FineTuningFile>> ImportAsync(FineTuningFileImport import, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Import"/>
    Response<FineTuningFile> Import(FineTuningFileImport import, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.GetAsync"/>
    Task<Response<FineTuningFile>> GetAsync(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Get"/>
    Response<FineTuningFile> Get(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.GetIfExistsAsync"/>
    Task<NullableResponse<FineTuningFile>> GetIfExistsAsync(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.GetIfExists"/>
    NullableResponse<FineTuningFile> GetIfExists(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.GetFilesAsync"/>
    AsyncPageable<FineTuningFile> GetFilesAsync(FineTuningFileListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.GetFiles"/>
    Pageable<FineTuningFile> GetFiles(FineTuningFileListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.DeleteAsync"/>
    Task<Response<FineTuningDeletionResult>> DeleteAsync(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Delete"/>
    Response<FineTuningDeletionResult> Delete(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.DownloadContentAsync"/>
    Task<Response<Stream>> DownloadContentAsync(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.DownloadContent"/>
    Response<Stream> DownloadContent(string fileId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.WaitForProcessedAsync"/>
    Task<Response<FineTuningFile>> WaitForProcessedAsync(string fileId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.WaitForProcessed"/>
    Response<FineTuningFile> WaitForProcessed(string fileId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.UploadAsync(Stream, string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    Task<Response<FineTuningFile>> UploadAsync(Stream content, string fileName, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Upload(Stream, string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    Response<FineTuningFile> Upload(Stream content, string fileName, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.UploadAsync(string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    Task<Response<FineTuningFile>> UploadAsync(string path, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.Upload(string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    Response<FineTuningFile> Upload(string path, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CreateUploadAsync"/>
    Task<Response<FineTuningUpload>> CreateUploadAsync(FineTuningUploadCreateOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CreateUpload"/>
    Response<FineTuningUpload> CreateUpload(FineTuningUploadCreateOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.AddUploadPartAsync"/>
    Task<Response<FineTuningUploadPart>> AddUploadPartAsync(string uploadId, Stream data, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.AddUploadPart"/>
    Response<FineTuningUploadPart> AddUploadPart(string uploadId, Stream data, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CompleteUploadAsync"/>
    Task<Response<FineTuningUpload>> CompleteUploadAsync(string uploadId, IEnumerable<string> partIds, string? md5 = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CompleteUpload"/>
    Response<FineTuningUpload> CompleteUpload(string uploadId, IEnumerable<string> partIds, string? md5 = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CancelUploadAsync"/>
    Task<Response<FineTuningUpload>> CancelUploadAsync(string uploadId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningFilesClient.CancelUpload"/>
    Response<FineTuningUpload> CancelUpload(string uploadId, CancellationToken cancellationToken = default);
}
