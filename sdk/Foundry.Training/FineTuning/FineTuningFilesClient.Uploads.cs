using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>The Uploads API (OpenAI platform): large files in parts, and the low-level operations for resuming one.</summary>
public partial class FineTuningFilesClient
{
    private static readonly TimeSpan s_cancelUploadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates an upload of the Uploads API (<c>POST /uploads</c>, OpenAI platform): add its parts with
    /// <see cref="AddUploadPartAsync"/> (in parallel if you like), then complete it with their ids, in order
    /// (<see cref="CompleteUploadAsync"/>). <see cref="UploadAsync(Stream, string, FilePurpose, FineTuningFileUploadOptions, CancellationToken)"/>
    /// does all of it; these operations are for an upload resumed from another process: keep the upload id and the ids
    /// of the parts sent so far, add the remaining parts, and complete it with all the ids. An upload expires an hour
    /// after it is created.
    /// </summary>
    /// <remarks>A create may be sent again after a failure: a duplicate is a spare pending upload that expires unused.</remarks>
    /// <param name="options">The file name, purpose, size in bytes and MIME type, and the file's expiry.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload, <c>pending</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The file name, purpose, size or MIME type is missing, or the size is negative.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="RequestFailedException">The service rejected the upload.</exception>
    public virtual Task<Response<FineTuningUpload>> CreateUploadAsync(FineTuningUploadCreateOptions options, CancellationToken cancellationToken = default) =>
        CreateUploadCoreAsync(options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateUploadAsync"/>
    public virtual Response<FineTuningUpload> CreateUpload(FineTuningUploadCreateOptions options, CancellationToken cancellationToken = default) =>
        CreateUploadCoreAsync(options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Adds a part to an upload (<c>POST /uploads/{upload_id}/parts</c>, OpenAI platform): at most 64 MB, streamed from
    /// <paramref name="data"/>'s current position to its end, never buffered. The stream is not disposed.
    /// </summary>
    /// <remarks>
    /// A part is sent again after any transient failure when <paramref name="data"/> can seek: a part the service
    /// stored twice is harmless, because only the part ids given to <see cref="CompleteUploadAsync"/> make the file.
    /// </remarks>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="data">The bytes of the part.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The part; complete the upload with its <see cref="FineTuningUploadPart.Id"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploadId"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="uploadId"/> cannot be a path segment, or <paramref name="data"/> cannot be read.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="RequestFailedException">The service rejected the part, or answered without a part id.</exception>
    public virtual Task<Response<FineTuningUploadPart>> AddUploadPartAsync(string uploadId, Stream data, CancellationToken cancellationToken = default) =>
        AddUploadPartCoreAsync(uploadId, data, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="AddUploadPartAsync"/>
    public virtual Response<FineTuningUploadPart> AddUploadPart(string uploadId, Stream data, CancellationToken cancellationToken = default) =>
        AddUploadPartCoreAsync(uploadId, data, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Completes an upload (<c>POST /uploads/{upload_id}/complete</c>, OpenAI platform): the parts, in the order given,
    /// become the file. Their sizes must add up to the size the upload was created for.
    /// </summary>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="partIds">The part ids, in file order.</param>
    /// <param name="md5">The MD5 of the whole content (32 hexadecimal digits), for the service to check; null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload, <c>completed</c>, with its <see cref="FineTuningUpload.File"/> (as the service sent it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploadId"/> or <paramref name="partIds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="uploadId"/> cannot be a path segment, or a part id is null or empty.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="RequestFailedException">The service rejected the completion.</exception>
    public virtual Task<Response<FineTuningUpload>> CompleteUploadAsync(string uploadId, IEnumerable<string> partIds, string? md5 = null, CancellationToken cancellationToken = default) =>
        CompleteUploadCoreAsync(uploadId, partIds, md5, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CompleteUploadAsync"/>
    public virtual Response<FineTuningUpload> CompleteUpload(string uploadId, IEnumerable<string> partIds, string? md5 = null, CancellationToken cancellationToken = default) =>
        CompleteUploadCoreAsync(uploadId, partIds, md5, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Cancels an upload (<c>POST /uploads/{upload_id}/cancel</c>, OpenAI platform): no part can be added afterwards.
    /// Retried like a read: a second cancel changes nothing.
    /// </summary>
    /// <param name="uploadId">The upload id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The upload, <c>cancelled</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploadId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="uploadId"/> cannot be a path segment.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no Uploads API.</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<FineTuningUpload>> CancelUploadAsync(string uploadId, CancellationToken cancellationToken = default) =>
        CancelUploadCoreAsync(uploadId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CancelUploadAsync"/>
    public virtual Response<FineTuningUpload> CancelUpload(string uploadId, CancellationToken cancellationToken = default) =>
        CancelUploadCoreAsync(uploadId, async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<Response<FineTuningUpload>> CreateUploadCoreAsync(FineTuningUploadCreateOptions options, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(options, nameof(options));
        if (string.IsNullOrEmpty(options.FileName) || string.IsNullOrEmpty(options.Purpose?.ToString()) || options.Bytes is null || string.IsNullOrEmpty(options.MimeType))
        {
            throw new ArgumentException("An upload needs a file name, a purpose, a size in bytes and a MIME type.", nameof(options));
        }

        if (options.Bytes < 0)
        {
            throw new ArgumentException("The size of an upload cannot be negative.", nameof(options));
        }

        AssertUploadsApi(FineTuningOperations.CreateUpload);
        return await _pipeline.CallAsync(
            FineTuningOperations.CreateUpload,
            FineTuningOperations.CreateUpload.Path(),
            message =>
            {
                _pipeline.SetJsonContent(message, options);
                RetrySafety.MarkSafe(message); // a duplicate is a spare pending upload, which expires unused
            },
            (message, scope) => ReadUpload(message.Response, scope),
            null,
            null,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningUploadPart>> AddUploadPartCoreAsync(string uploadId, Stream data, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.AddUploadPart.Path(uploadId);
        CheckReadable(data, nameof(data));
        AssertUploadsApi(FineTuningOperations.AddUploadPart);
        using MultipartFileContent content = MultipartFileContent.ForPart(data, progress: null, ownsData: false);
        return await SendUploadPartAsync(path, uploadId, content, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningUploadPart>> SendUploadPartAsync(string path, string uploadId, MultipartFileContent content, bool async, CancellationToken cancellationToken)
    {
        return await _pipeline.CallAsync(
            FineTuningOperations.AddUploadPart,
            path,
            message =>
            {
                message.Request.Headers.SetValue(HttpHeader.Names.ContentType, content.ContentType);
                message.Request.Content = content;
                message.NetworkTimeout = Timeout.InfiniteTimeSpan; // a 64 MB part on a slow link outlasts the network timeout
                RetrySafety.MarkSafe(message); // a part stored twice is harmless: only the ids named on completion make the file
            },
            (message, scope) =>
            {
                FineTuningUploadPart part = _pipeline.Read(message.Response, ModelSerialization.GetTypeInfo<FineTuningUploadPart>(_pipeline.Json));
                if (string.IsNullOrEmpty(part.Id))
                {
                    throw ServiceFailure.Create(message.Response, "The service accepted an upload part but sent no part id, so the upload cannot be completed.", "InvalidUploadPart");
                }

                scope.SetId(part.Id);
                return Response.FromValue(part, message.Response);
            },
            null,
            uploadId,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningUpload>> CompleteUploadCoreAsync(string uploadId, IEnumerable<string> partIds, string? md5, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.CompleteUpload.Path(uploadId);
        Argument.AssertNotNull(partIds, nameof(partIds));
        List<string> ids = partIds.ToList();
        if (ids.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A part id cannot be null or empty.", nameof(partIds));
        }

        AssertUploadsApi(FineTuningOperations.CompleteUpload);
        return await _pipeline.CallAsync(
            FineTuningOperations.CompleteUpload,
            path,
            message => JsonRequestBody.Set(message, writer =>
            {
                writer.WriteStartArray("part_ids");
                foreach (string id in ids)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                if (md5 is not null)
                {
                    writer.WriteString("md5", md5);
                }
            }),
            (message, scope) => ReadUpload(message.Response, scope),
            null,
            uploadId,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<Response<FineTuningUpload>> CancelUploadCoreAsync(string uploadId, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.CancelUpload.Path(uploadId);
        AssertUploadsApi(FineTuningOperations.CancelUpload);
        return _pipeline.CallAsync(
            FineTuningOperations.CancelUpload,
            path,
            RetrySafety.MarkSafe, // a second cancel changes nothing
            (message, scope) => ReadUpload(message.Response, scope),
            null,
            uploadId,
            async,
            cancellationToken);
    }

    /// <summary>
    /// Sends a file through the Uploads API: creates the upload, sends the parts (at most
    /// <see cref="FineTuningFileUploadOptions.MaxConcurrency"/> at a time, each streamed from its slice of the content
    /// and retried alone by the pipeline), computes the MD5 alongside, and completes the upload with the part ids in
    /// order. On any failure, or when the caller cancels, the upload is cancelled on the service (best effort).
    /// </summary>
    private async ValueTask<Response<FineTuningFile>> UploadInPartsAsync(Func<long, long, Stream> openSlice, long length, string fileName, string purpose, FineTuningFileUploadOptions options, OperationScope scope, bool async, CancellationToken cancellationToken)
    {
        var create = new FineTuningUploadCreateOptions(fileName, purpose, length, options.MimeType ?? MimeTypeOf(fileName)) { ExpiresAfter = options.ExpiresAfter };
        Response<FineTuningUpload> created = await CreateUploadCoreAsync(create, async, cancellationToken).ConfigureAwait(false);
        string uploadId = created.Value.Id;
        string? problem = string.IsNullOrEmpty(uploadId) ? "it sent none" : PathSegment.Problem(uploadId);
        if (problem is not null)
        {
            throw ServiceFailure.Create(created.GetRawResponse(), "The service created an upload without a usable id: " + problem + ".", "InvalidUploadId");
        }

        scope.SetId(uploadId);
        using var hashing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<string>? md5 = options.SendMd5 ? Task.Run(() => ContentHash.Md5Async(openSlice(0, length), async, hashing.Token).AsTask()) : null;
        try
        {
            string[] partIds = await SendPartsAsync(uploadId, openSlice, length, options, async, cancellationToken).ConfigureAwait(false);
            string? hash = md5 is null ? null : async ? await md5.ConfigureAwait(false) : md5.GetAwaiter().GetResult();
            Response<FineTuningUpload> completed = await CompleteUploadCoreAsync(uploadId, partIds, hash, async, cancellationToken).ConfigureAwait(false);
            if (completed.Value.File is not { } file || string.IsNullOrEmpty(file.Id))
            {
                throw ServiceFailure.Create(completed.GetRawResponse(), $"The service completed the upload '{uploadId}' but sent no file with an id.", "InvalidUploadCompletion");
            }

            scope.SetId(file.Id);
            scope.SetStatus(file.Status?.ToString());
            return Response.FromValue(file, completed.GetRawResponse());
        }
        catch (Exception failure) when (failure is RequestFailedException or OperationCanceledException or IOException or HttpRequestException)
        {
            hashing.Cancel();
            _ = md5?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default); // observed, not awaited
            await CancelAbandonedUploadAsync(uploadId, async).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends every part (<see cref="ParallelParts"/>); returns their ids in file order. The first failure stops the other parts and surfaces.</summary>
    private async ValueTask<string[]> SendPartsAsync(string uploadId, Func<long, long, Stream> openSlice, long length, FineTuningFileUploadOptions options, bool async, CancellationToken cancellationToken)
    {
        var plan = new PartPlan(length, options.PartSize);
        string[] partIds = new string[plan.Count];
        var progress = new PartProgress(options.Progress, plan.Count);
        string path = FineTuningOperations.AddUploadPart.Path(uploadId);
        await ParallelParts.RunAsync(
            plan.Parts(),
            options.MaxConcurrency,
            async (index, token) =>
            {
                using MultipartFileContent content = MultipartFileContent.ForPart(openSlice(plan.StartOf(index), plan.LengthOf(index)), progress.ForPart(index), ownsData: true);
                partIds[index] = (await SendUploadPartAsync(path, uploadId, content, async, token).ConfigureAwait(false)).Value.Id;
            },
            async,
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return partIds;
    }

    /// <summary>Cancels an upload that failed or was cancelled, so it holds no parts until it expires; its own failure is not the caller's concern.</summary>
    private async ValueTask CancelAbandonedUploadAsync(string uploadId, bool async)
    {
        using var timeout = new CancellationTokenSource(s_cancelUploadTimeout);
        try
        {
            await CancelUploadCoreAsync(uploadId, async, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or IOException or HttpRequestException)
        {
            // best effort: the upload expires within the hour anyway
        }
    }

    private Response<FineTuningUpload> ReadUpload(Response response, OperationScope scope)
    {
        FineTuningUpload upload = _pipeline.Read(response, ModelSerialization.GetTypeInfo<FineTuningUpload>(_pipeline.Json));
        scope.SetId(upload.Id);
        scope.SetStatus(upload.Status?.ToString());
        return Response.FromValue(upload, response);
    }

    /// <summary>Azure OpenAI <c>2024-05-01-preview</c> has no <c>/uploads</c> route: say so before any request.</summary>
    private void AssertUploadsApi(ServiceOperation operation) =>
        _pipeline.AssertServed(operation, "The Uploads API (multi-part uploads) is an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /uploads route. Upload the file in one request (FileUploadMode.SingleRequest), or import it from a blob URL with ImportAsync.");

    private static string MimeTypeOf(string fileName) =>
        fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? "text/jsonl" : "application/octet-stream";

    /// <summary>Adds the bytes each part has sent (its best attempt) and reports the total: it never goes back when a part is retried.</summary>
    private sealed class PartProgress
    {
        private readonly IProgress<long>? _target;
        private readonly long[] _sent;
        private long _total;

        public PartProgress(IProgress<long>? target, int parts)
        {
            _target = target;
            _sent = new long[parts];
        }

        public IProgress<long>? ForPart(int index) => _target is null ? null : new Part(this, index);

        private void Report(int index, long sent)
        {
            lock (_sent)
            {
                if (sent <= _sent[index])
                {
                    return;
                }

                _total += sent - _sent[index];
                _sent[index] = sent;
                _target!.Report(_total); // under the lock, so that the totals arrive in order
            }
        }

        private sealed class Part : IProgress<long>
        {
            private readonly PartProgress _owner;
            private readonly int _index;

            public Part(PartProgress owner, int index)
            {
                _owner = owner;
                _index = index;
            }

            public void Report(long value) => _owner.Report(_index, value);
        }
    }
}
