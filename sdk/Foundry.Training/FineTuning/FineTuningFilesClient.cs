using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Files for fine-tuning on Azure OpenAI or the OpenAI platform: upload (streamed, any size), import from a URL
/// (Azure OpenAI), read, list, download, delete, and wait until a file is processed. Obtain it from
/// <see cref="FineTuningClient.GetFilesClient"/>.
/// </summary>
public partial class FineTuningFilesClient : IFineTuningFilesClient
{
    private static readonly TimeSpan s_defaultPollingInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_maximumPollingDelay = TimeSpan.FromMinutes(5);

    private readonly ServicePipeline _pipeline = null!;
    private readonly bool _isOpenAI;

    /// <summary>Resumes a broken content download when the service advertises ranges and a version.</summary>
    private readonly RangeReader _contentRanges = null!;

    /// <summary>For mocking.</summary>
    protected FineTuningFilesClient()
    {
    }

    internal FineTuningFilesClient(ServicePipeline pipeline, bool isOpenAI)
    {
        _pipeline = pipeline;
        _contentRanges = new RangeReader(pipeline);
        _isOpenAI = isOpenAI;
    }

    /// <summary>
    /// Uploads a file as <c>multipart/form-data</c> (both services). The content is streamed from
    /// <paramref name="content"/> in chunks and never buffered, so files of many gigabytes cost a constant amount of
    /// memory. A seekable stream is sent with its length from its current position and rewound if the request is
    /// retried; a stream that cannot seek is sent chunked, once (the request is not retried). The network timeout of the
    /// client options does not bound the upload: cancel it with <paramref name="cancellationToken"/>. The stream is not
    /// disposed.
    /// </summary>
    /// <remarks>
    /// An upload is never sent twice when the first attempt may have stored the file: it is resent only after the service
    /// refused it (429, or a 5xx with <c>Retry-After</c>) or when it was cut off before the service had all of it. When
    /// the response to a complete upload is lost (a reset, a timeout, a 5xx without <c>Retry-After</c>), the file the
    /// attempt may have stored is looked up (same name, purpose and size, created since the upload began) and returned;
    /// when none is found the original failure surfaces. See <c>docs/resilience.md</c>.
    /// </remarks>
    /// <param name="content">The file content, read from its current position to its end.</param>
    /// <param name="fileName">The file name the service records, for example <c>train.jsonl</c>.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training and validation data.</param>
    /// <param name="progress">Receives the number of content bytes sent so far, up to the file's size; may be called on any thread.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file, usually <c>pending</c> (Azure OpenAI) or <c>processed</c> (OpenAI); see <see cref="WaitForProcessedAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read, or <paramref name="fileName"/> is empty or contains a line break.</exception>
    /// <exception cref="RequestFailedException">The service rejected the file.</exception>
    public virtual Task<Response<FineTuningFile>> UploadAsync(Stream content, string fileName, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        UploadStreamCoreAsync(content, fileName, purpose, new FineTuningFileUploadOptions { Progress = progress }, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadAsync(Stream, string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    public virtual Response<FineTuningFile> Upload(Stream content, string fileName, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        UploadStreamCoreAsync(content, fileName, purpose, new FineTuningFileUploadOptions { Progress = progress }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Uploads a local file as <c>multipart/form-data</c>, streamed (both services); the service records the file's
    /// name without its directory.
    /// </summary>
    /// <param name="path">The path of the local file.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training and validation data.</param>
    /// <param name="progress">Receives the number of bytes sent so far, up to the file's size; may be called on any thread.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="RequestFailedException">The service rejected the file.</exception>
    public virtual Task<Response<FineTuningFile>> UploadAsync(string path, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        UploadPathCoreAsync(path, purpose, new FineTuningFileUploadOptions { Progress = progress }, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadAsync(string, FilePurpose, IProgress{long}?, CancellationToken)"/>
    public virtual Response<FineTuningFile> Upload(string path, FilePurpose purpose, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        UploadPathCoreAsync(path, purpose, new FineTuningFileUploadOptions { Progress = progress }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Uploads a file from a stream, in one request or, for a large file on the OpenAI platform, in parts through the
    /// Uploads API (<see cref="FineTuningFileUploadOptions.Mode"/>): parts are streamed from their slices of
    /// <paramref name="content"/> (never buffered: memory does not grow with the file or the part size), sent in
    /// parallel (<see cref="FineTuningFileUploadOptions.MaxConcurrency"/>), each retried alone after a transient failure,
    /// and completed in order with the content's MD5. Progress counts the bytes of all parts. When the upload fails or
    /// <paramref name="cancellationToken"/> is cancelled, the upload is cancelled on the service. The stream is not disposed.
    /// </summary>
    /// <remarks>
    /// In one request the upload behaves as <see cref="UploadAsync(Stream, string, FilePurpose, IProgress{long}?, CancellationToken)"/>.
    /// A multi-part upload needs the size up front: <paramref name="content"/> must be seekable (its slices are read in
    /// turn under a lock; a path upload opens the file once per part instead).
    /// </remarks>
    /// <param name="content">The file content, read from its current position to its end.</param>
    /// <param name="fileName">The file name the service records, for example <c>train.jsonl</c>.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training and validation data.</param>
    /// <param name="options">One request or parts, part size, parallelism, progress, expiry and MD5.</param>
    /// <param name="cancellationToken">Cancels the upload (and a multi-part upload on the service).</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/>, <paramref name="fileName"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read (or, for parts, cannot seek), <paramref name="fileName"/> is empty or contains a line break, or the expiry has no seconds.</exception>
    /// <exception cref="NotSupportedException">Parts were asked for on Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="RequestFailedException">The service rejected the file or a part.</exception>
    public virtual Task<Response<FineTuningFile>> UploadAsync(Stream content, string fileName, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadStreamCoreAsync(content, fileName, purpose, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadAsync(Stream, string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    public virtual Response<FineTuningFile> Upload(Stream content, string fileName, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadStreamCoreAsync(content, fileName, purpose, options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Uploads a local file, in one request or, for a large file on the OpenAI platform, in parts through the Uploads
    /// API (see <see cref="UploadAsync(Stream, string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>);
    /// each part reads its slice of the file through its own handle. The service records the file's name without its directory.
    /// </summary>
    /// <param name="path">The path of the local file.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training and validation data.</param>
    /// <param name="options">One request or parts, part size, parallelism, progress, expiry and MD5.</param>
    /// <param name="cancellationToken">Cancels the upload (and a multi-part upload on the service).</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the expiry has no seconds.</exception>
    /// <exception cref="NotSupportedException">Parts were asked for on Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="RequestFailedException">The service rejected the file or a part.</exception>
    public virtual Task<Response<FineTuningFile>> UploadAsync(string path, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadPathCoreAsync(path, purpose, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="UploadAsync(string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    public virtual Response<FineTuningFile> Upload(string path, FilePurpose purpose, FineTuningFileUploadOptions options, CancellationToken cancellationToken = default) =>
        UploadPathCoreAsync(path, purpose, options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Creates a file that Azure OpenAI downloads from a URL, such as a blob SAS URL (<c>POST /files/import</c>; Azure
    /// OpenAI only). The URL, which may carry a SAS signature, travels in the request body, never in the request URI or
    /// an exception message; bodies are logged only when <c>Diagnostics.IsLoggingContentEnabled</c> is on.
    /// </summary>
    /// <remarks>
    /// Like an upload, an import is never sent twice when the first attempt may have created the file: when its outcome
    /// is unknown, the file it may have created (same name and purpose, created since the import began) is looked up and
    /// returned.
    /// </remarks>
    /// <param name="import">The URL, file name and purpose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The file, usually <c>pending</c>; see <see cref="WaitForProcessedAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="import"/> is null.</exception>
    /// <exception cref="ArgumentException">The content URL, file name or purpose is missing.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service rejected the import.</exception>
    public virtual Task<Response<FineTuningFile>> ImportAsync(FineTuningFileImport import, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(import, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="ImportAsync"/>
    public virtual Response<FineTuningFile> Import(FineTuningFileImport import, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(import, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a file's details: status, size, purpose and name (both services).</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request, for example 404 for an unknown file (<see cref="GetIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<FineTuningFile>> GetAsync(string fileId, CancellationToken cancellationToken = default) =>
        GetCoreAsync(fileId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAsync"/>
    public virtual Response<FineTuningFile> Get(string fileId, CancellationToken cancellationToken = default) =>
        GetCoreAsync(fileId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a file's details if it exists (both services): a 404 is an answer here, not a failure.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The file (as <see cref="GetAsync"/> reads it), or, when there is no such file, a response whose
    /// <see cref="NullableResponse{T}.HasValue"/> is false (its raw response is the 404; Azure.Core does not log it as an
    /// error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request with a status other than 404.</exception>
    public virtual Task<NullableResponse<FineTuningFile>> GetIfExistsAsync(string fileId, CancellationToken cancellationToken = default) =>
        GetIfExistsCoreAsync(fileId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetIfExistsAsync"/>
    public virtual NullableResponse<FineTuningFile> GetIfExists(string fileId, CancellationToken cancellationToken = default) =>
        GetIfExistsCoreAsync(fileId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Lists files, optionally of one purpose (both services). Azure OpenAI returns every file in one page; the OpenAI
    /// platform pages with the <c>after</c> cursor, a <c>limit</c> and an <c>order</c>.
    /// </summary>
    /// <param name="options">The purpose filter and (OpenAI) paging.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The files.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    public virtual AsyncPageable<FineTuningFile> GetFilesAsync(FineTuningFileListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetFiles, FilesFetcher(options), null, cancellationToken);

    /// <inheritdoc cref="GetFilesAsync"/>
    public virtual Pageable<FineTuningFile> GetFiles(FineTuningFileListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetFiles, FilesFetcher(options), null, cancellationToken);

    /// <summary>
    /// Deletes a file (both services). The OpenAI platform answers with a deletion result (<c>{id, object, deleted}</c>);
    /// Azure OpenAI answers <c>204 No Content</c>, for which the result holds the file id and <c>deleted: true</c>. A file
    /// used by a fine-tuning job can be deleted too.
    /// </summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deletion result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<FineTuningDeletionResult>> DeleteAsync(string fileId, CancellationToken cancellationToken = default) =>
        DeleteCoreAsync(fileId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteAsync"/>
    public virtual Response<FineTuningDeletionResult> Delete(string fileId, CancellationToken cancellationToken = default) =>
        DeleteCoreAsync(fileId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Downloads a file's content as a stream straight from the network, not buffered (both services): uploaded data
    /// or a result file such as a job's metrics CSV. Dispose the stream when done.
    /// </summary>
    /// <remarks>
    /// When the service advertises ranges (<c>Accept-Ranges: bytes</c>) and a version (<c>ETag</c>), a body whose
    /// connection breaks is resumed from the last byte received, only from that version (<c>If-Match</c>), and a reported
    /// MD5 is checked at the end of the stream; reading then fails with <c>FileChanged</c>, <c>FileCorrupted</c> or
    /// <c>FileDownloadIncomplete</c> (<see cref="RequestFailedException.ErrorCode"/>) instead of an <see cref="IOException"/>.
    /// </remarks>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the request (and reads from the stream).</param>
    /// <returns>The content stream, with the response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<Stream>> DownloadContentAsync(string fileId, CancellationToken cancellationToken = default) =>
        DownloadContentCoreAsync(fileId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DownloadContentAsync"/>
    public virtual Response<Stream> DownloadContent(string fileId, CancellationToken cancellationToken = default) =>
        DownloadContentCoreAsync(fileId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Polls a file until the service has processed it (both services): returns it when its status is
    /// <c>processed</c> (or when the service reports no status, as the OpenAI platform may), and throws
    /// <see cref="FineTuningFileProcessingException"/> with the <c>status_details</c> when it is <c>error</c> or <c>deleted</c>.
    /// </summary>
    /// <remarks>
    /// Between polls it waits <paramref name="pollingInterval"/>, or longer when the service asks for more
    /// (<c>Retry-After</c>, <c>retry-after-ms</c>; at most 5 minutes). Without an interval it follows the service's
    /// hint, but never polls sooner than 100 milliseconds, and waits 5 seconds when the service does not say.
    /// </remarks>
    /// <param name="fileId">The file id.</param>
    /// <param name="pollingInterval">The shortest wait between polls; when null, as the service asks, else 5 seconds.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The processed file, with the response of the last poll.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollingInterval"/> is not positive.</exception>
    /// <exception cref="FineTuningFileProcessingException">Processing failed.</exception>
    /// <exception cref="RequestFailedException">A poll failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<Response<FineTuningFile>> WaitForProcessedAsync(string fileId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForProcessedCoreAsync(fileId, pollingInterval, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="WaitForProcessedAsync"/>
    public virtual Response<FineTuningFile> WaitForProcessed(string fileId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForProcessedCoreAsync(fileId, pollingInterval, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<FineTuningFile>> UploadStreamCoreAsync(Stream content, string fileName, FilePurpose purpose, FineTuningFileUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        CheckReadable(content, nameof(content));
        CheckFileName(fileName, nameof(fileName));
        string purposeValue = CheckPurpose(purpose);
        CheckOptions(options);
        long? size = content.CanSeek ? Math.Max(0, content.Length - content.Position) : null;
        if (!InParts(options, size))
        {
            return SendUploadAsync(new MultipartFileContent(content, fileName, purposeValue, options.Progress, ownsFile: false, options.ExpiresAfter), async, cancellationToken);
        }

        if (size is not long length)
        {
            throw new ArgumentException("A multi-part upload needs the size up front: the stream must be able to seek.", nameof(content));
        }

        long origin = content.Position;
        object gate = new();
        return UploadPartsAsync((offset, count) => new ContentSlice(content, origin + offset, count, gate, ownsSource: false), length, fileName, purposeValue, options, async, cancellationToken);
    }

    private ValueTask<Response<FineTuningFile>> UploadPathCoreAsync(string path, FilePurpose purpose, FineTuningFileUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        string fileName = Path.GetFileName(path);
        CheckFileName(fileName, nameof(path));
        string purposeValue = CheckPurpose(purpose);
        CheckOptions(options);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: async);
        long length = file.Length;
        bool inParts;
        try
        {
            inParts = InParts(options, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        if (!inParts)
        {
            return SendUploadAsync(new MultipartFileContent(file, fileName, purposeValue, options.Progress, ownsFile: true, options.ExpiresAfter), async, cancellationToken);
        }

        file.Dispose(); // each part opens the file for itself
        return UploadPartsAsync((offset, count) => new ContentSlice(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: async), offset, count, gate: null, ownsSource: true), length, fileName, purposeValue, options, async, cancellationToken);
    }

    /// <summary>Whether the upload goes through the Uploads API; parts asked for where there is none fail before any request.</summary>
    private bool InParts(FineTuningFileUploadOptions options, long? size)
    {
        switch (options.Mode)
        {
            case FileUploadMode.Parts:
                AssertUploadsApi(FineTuningOperations.CreateUpload); // an upload in parts starts with one
                return true;
            case FileUploadMode.SingleRequest:
                return false;
            default:
                return _isOpenAI && size > FineTuningFileUploadOptions.SingleRequestLimit;
        }
    }

    private async ValueTask<Response<FineTuningFile>> UploadPartsAsync(Func<long, long, Stream> openSlice, long length, string fileName, string purpose, FineTuningFileUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        using OperationScope scope = OperationScope.Start(FineTuningOperations.UploadFile.Name); // the span of the whole upload; each request has its own
        try
        {
            return await UploadInPartsAsync(openSlice, length, fileName, purpose, options, scope, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private static void CheckOptions(FineTuningFileUploadOptions options)
    {
        Argument.AssertNotNull(options, nameof(options));
        if (options.ExpiresAfter is { Seconds: null })
        {
            throw new ArgumentException("The expiry needs its seconds.", nameof(options));
        }
    }

    private async ValueTask<Response<FineTuningFile>> SendUploadAsync(MultipartFileContent content, bool async, CancellationToken cancellationToken)
    {
        using MultipartFileContent body = content;
        return await CreateFileAsync(
            FineTuningOperations.UploadFile,
            message =>
            {
                message.Request.Headers.SetValue(HttpHeader.Names.ContentType, body.ContentType);
                message.Request.Content = body;
                message.NetworkTimeout = Timeout.InfiniteTimeSpan; // the network timeout covers the whole send, and a large upload outlasts it
            },
            body.FileName,
            body.Purpose!,
            () => body.SentFileLength,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningFile>> ImportCoreAsync(FineTuningFileImport import, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(import, nameof(import));
        if (import.ContentUrl is null || string.IsNullOrEmpty(import.FileName) || import.Purpose is null)
        {
            throw new ArgumentException("The import needs a content URL, a file name and a purpose.", nameof(import));
        }

        return await CreateFileAsync(FineTuningOperations.ImportFile, message => _pipeline.SetJsonContent(message, import), import.FileName!, import.Purpose.Value.ToString(), () => null, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a create (upload or import) inside its span; when it fails in a way that may have stored the file anyway,
    /// looks for that file and returns it instead (<see cref="StoredFileLookup"/>).
    /// </summary>
    private async ValueTask<Response<FineTuningFile>> CreateFileAsync(ServiceOperation operation, Action<HttpMessage> prepare, string fileName, string purpose, Func<long?> sentSize, bool async, CancellationToken cancellationToken)
    {
        DateTimeOffset started = _pipeline.Time.GetUtcNow();
        return await _pipeline.CallAsync(
            operation,
            operation.Path(),
            message =>
            {
                prepare(message);
                RetrySafety.MarkResendableOnRetryAfter(message); // a duplicate would be a spare file, not a second training run
            },
            (message, scope) => ReadFile(message.Response, scope),
            null,
            null,
            async,
            cancellationToken,
            async (message, failure, scope) =>
            {
                if (!RetrySafety.MayHaveTakenEffect(message, failure))
                {
                    return null;
                }

                Response<FineTuningFile>? stored = await FindStoredFileAsync(failure, fileName, purpose, sentSize(), started, async, cancellationToken).ConfigureAwait(false);
                scope.SetId(stored?.Value.Id);
                scope.SetStatus(stored?.Value.Status?.ToString());
                return stored;
            }).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningFile>?> FindStoredFileAsync(Exception failure, string fileName, string purpose, long? size, DateTimeOffset started, bool async, CancellationToken cancellationToken)
    {
        IReadOnlyList<FineTuningFile> candidates;
        try
        {
            PageFetcher<FineTuningFile> listFiles = FilesFetcher(new FineTuningFileListOptions { Purpose = purpose });
            candidates = await StoredFileLookup.FindAsync(listFiles, fileName, purpose, size, started, async, cancellationToken).ConfigureAwait(false);
            if (candidates.Count == 1)
            {
                return await GetCoreAsync(candidates[0].Id, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception lookupFailure) when (lookupFailure is RequestFailedException || (lookupFailure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null; // the lookup's own failure says nothing about the create: the create's failure surfaces
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        int status = failure is RequestFailedException { Status: > 0 } error ? error.Status : 0;
        throw ServiceFailure.Create(
            status,
            $"Creating the file '{fileName}' failed in a way that leaves its outcome unknown ({failure.Message.Split('\n')[0].Trim()}), and " +
            $"{candidates.Count} files with that name, purpose{(size is null ? string.Empty : " and size")} were created since it began: " +
            $"{string.Join(", ", candidates.Select(f => f.Id))}. Any one of them, or none, may be the one it created: check them with " +
            "GetAsync and delete the ones you do not want.",
            "FileCreateOutcomeUnknown",
            failure);
    }

    private ValueTask<Response<FineTuningFile>> GetCoreAsync(string fileId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<FineTuningFile>(FineTuningOperations.GetFile, FineTuningOperations.GetFile.Path(fileId), null, null, fileId, async, cancellationToken, TagFile);

    /// <summary>The GET of <see cref="GetCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<FineTuningFile>> GetIfExistsCoreAsync(string fileId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<FineTuningFile>(FineTuningOperations.GetFile, FineTuningOperations.GetFile.Path(fileId), null, fileId, async, cancellationToken, TagFile);

    private ValueTask<Response<FineTuningDeletionResult>> DeleteCoreAsync(string fileId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallAsync(FineTuningOperations.DeleteFile, FineTuningOperations.DeleteFile.Path(fileId), null, (message, _) => DeletionResults.Read(_pipeline, message.Response, fileId), null, fileId, async, cancellationToken);

    private ValueTask<Response<Stream>> DownloadContentCoreAsync(string fileId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForStreamAsync(FineTuningOperations.DownloadContent, FineTuningOperations.DownloadContent.Path(fileId), "application/octet-stream, application/json", null, null, fileId, async, cancellationToken, _contentRanges, fileId, "File");

    private async ValueTask<Response<FineTuningFile>> WaitForProcessedCoreAsync(string fileId, TimeSpan? pollingInterval, bool async, CancellationToken cancellationToken)
    {
        PathSegment.Assert(fileId, nameof(fileId));
        if (pollingInterval is { } requested)
        {
            Argument.AssertPositive(requested, nameof(pollingInterval));
        }

        using OperationScope scope = OperationScope.Start("FineTuningFilesClient.WaitForProcessed", id: fileId);
        try
        {
            while (true)
            {
                Response<FineTuningFile> response = await GetCoreAsync(fileId, async, cancellationToken).ConfigureAwait(false);
                FineTuningFile file = response.Value;
                scope.SetStatus(file.Status?.ToString());
                if (file.Status is not FileState status || status.Matches(FileState.Processed))
                {
                    return response;
                }

                if (status.Matches(FileState.Error) || status.Matches(FileState.Deleted))
                {
                    throw new FineTuningFileProcessingException(file);
                }

                TimeSpan delay = Delay.ForNextPoll(response.GetRawResponse(), pollingInterval, s_defaultPollingInterval, s_maximumPollingDelay, _pipeline.Time);
                await Delay.WaitAsync(delay, _pipeline.Time, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private PageFetcher<FineTuningFile> FilesFetcher(FineTuningFileListOptions? options)
    {
        ListPaging.AssertLimit(options?.Limit, "options.Limit");
        string? purpose = options?.Purpose?.ToString();
        string? order = options?.Order?.ToString();
        string? start = options?.After;
        int? limit = options?.Limit;
        return ListPaging.Cursor(
            _pipeline,
            (after, pageSizeHint) =>
            {
                HttpMessage message = _pipeline.CreateRequest(FineTuningOperations.GetFiles, FineTuningOperations.GetFiles.Path());
                if (purpose is not null)
                {
                    message.Request.Uri.AppendQuery("purpose", purpose);
                }

                if (order is not null)
                {
                    message.Request.Uri.AppendQuery("order", order);
                }

                ListPaging.AppendCursor(message, after ?? start, pageSizeHint ?? limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<FineTuningFile>(_pipeline.Json),
            file => file.Id);
    }

    private Response<FineTuningFile> ReadFile(Response response, OperationScope scope)
    {
        FineTuningFile file = _pipeline.Read(response, ModelSerialization.GetTypeInfo<FineTuningFile>(_pipeline.Json));
        TagFile(scope, file);
        return Response.FromValue(file, response);
    }

    /// <summary>Tags a span with the file's id and status.</summary>
    private static void TagFile(OperationScope scope, FineTuningFile file)
    {
        scope.SetId(file.Id);
        scope.SetStatus(file.Status?.ToString());
    }

    private static void CheckReadable(Stream content, string parameterName)
    {
        Argument.AssertNotNull(content, parameterName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", parameterName);
        }
    }

    private static void CheckFileName(string fileName, string parameterName)
    {
        Argument.AssertNotNullOrEmpty(fileName, parameterName);
        if (fileName.IndexOf('\r') >= 0 || fileName.IndexOf('\n') >= 0)
        {
            throw new ArgumentException("The file name cannot contain a line break.", parameterName);
        }
    }

    private static string CheckPurpose(FilePurpose purpose)
    {
        string? value = purpose.ToString();
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("The purpose cannot be empty.", nameof(purpose));
        }

        return value!;
    }
}
