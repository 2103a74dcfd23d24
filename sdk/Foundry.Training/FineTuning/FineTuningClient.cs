using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Fine-tuning jobs on Azure OpenAI (authoring API <c>2024-05-01-preview</c>, with an API key or Microsoft Entra ID)
/// or on the OpenAI platform (<see cref="ForOpenAI"/>): create, read, list, cancel, delete, pause and resume jobs, read
/// their events and checkpoints and wait for them to finish. <see cref="GetFilesClient"/>, <see cref="GetModelsClient"/>
/// and <see cref="GetIngestionJobsClient"/> hand out clients for the related resources over the same connection.
/// </summary>
/// <remarks>
/// Each member says which service it applies to. A request a service does not support is still sent, and the service's
/// answer (typically 404) becomes a <see cref="RequestFailedException"/>: the SDK does not guess what a service version offers.
/// </remarks>
public partial class FineTuningClient : IFineTuningClient
{
    private static readonly TimeSpan s_defaultPollingInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_maximumPollingDelay = TimeSpan.FromMinutes(5);

    private readonly ServicePipeline _pipeline = null!;
    private readonly FineTuningClientOptions _options = null!;
    private readonly bool _isOpenAI;

    /// <summary>For mocking.</summary>
    protected FineTuningClient()
    {
    }

    /// <summary>Connects to Azure OpenAI with an API key (sent in the <c>api-key</c> header).</summary>
    /// <param name="azureOpenAIEndpoint">The resource endpoint, for example <c>https://myresource.openai.azure.com</c>.</param>
    /// <param name="credential">The API key.</param>
    /// <param name="options">Version, retries, diagnostics, transport and validation; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="azureOpenAIEndpoint"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException">The endpoint is not absolute, or neither HTTPS nor loopback.</exception>
    public FineTuningClient(Uri azureOpenAIEndpoint, AzureKeyCredential credential, FineTuningClientOptions? options = null)
        : this(options ?? new FineTuningClientOptions(), o => ServicePipelineFactory.ForAzureOpenAI(CheckEndpoint(azureOpenAIEndpoint), CheckCredential(credential), o), isOpenAI: false)
    {
    }

    /// <summary>Connects to Azure OpenAI with Microsoft Entra ID (scope <see cref="FineTuningClientOptions.Audience"/>).</summary>
    /// <param name="azureOpenAIEndpoint">The resource endpoint, for example <c>https://myresource.openai.azure.com</c>.</param>
    /// <param name="credential">The token credential, such as <c>DefaultAzureCredential</c>.</param>
    /// <param name="options">Version, retries, diagnostics, transport and validation; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="azureOpenAIEndpoint"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException">The endpoint is not absolute, or neither HTTPS nor loopback.</exception>
    public FineTuningClient(Uri azureOpenAIEndpoint, TokenCredential credential, FineTuningClientOptions? options = null)
        : this(options ?? new FineTuningClientOptions(), o => ServicePipelineFactory.ForAzureOpenAI(CheckEndpoint(azureOpenAIEndpoint), CheckCredential(credential), o), isOpenAI: false)
    {
    }

    private FineTuningClient(FineTuningClientOptions options, Func<FineTuningClientOptions, ServicePipeline> createPipeline, bool isOpenAI)
    {
        _options = options;
        _pipeline = createPipeline(options);
        _isOpenAI = isOpenAI;
    }

    /// <summary>
    /// Connects to the OpenAI platform (<c>https://api.openai.com/v1</c>, or <see cref="FineTuningClientOptions.OpenAIEndpoint"/>)
    /// with an API key sent as <c>Authorization: Bearer</c>, plus the <c>OpenAI-Organization</c> and <c>OpenAI-Project</c>
    /// headers when the options set them. No <c>api-version</c> is sent.
    /// </summary>
    /// <param name="apiKey">The OpenAI API key.</param>
    /// <param name="options">Endpoint, organization, project, retries, diagnostics and validation; defaults when null.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty, or the endpoint is neither HTTPS nor loopback.</exception>
    public static FineTuningClient ForOpenAI(string apiKey, FineTuningClientOptions? options = null)
    {
        Argument.AssertNotNullOrEmpty(apiKey, nameof(apiKey));
        return new FineTuningClient(options ?? new FineTuningClientOptions(), o => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential(apiKey), o), isOpenAI: true);
    }

    /// <summary>
    /// Creates a fine-tuning job (both services). When <see cref="FineTuningClientOptions.ValidateRequests"/> is on, the
    /// request is checked first with <see cref="FineTuningJobCreateOptions.Validate"/> for the service this client talks
    /// to: model and training file are required, the suffix must fit the service's limits (Azure OpenAI: 40 characters
    /// of <c>a-z A-Z 0-9 - _</c>; OpenAI: 1 to 64 characters), a method needs its type (and reinforcement its grader),
    /// and metadata must fit 16 pairs of 64-character keys and 512-character values.
    /// </summary>
    /// <remarks>
    /// Neither service takes an idempotency key for a job, so the create is sent again only when the first attempt
    /// cannot have created a job (429, a 5xx with <c>Retry-After</c>, a refused connection). When its outcome is unknown
    /// (a reset or a timeout after it was sent, a 5xx without <c>Retry-After</c>), the failure surfaces: list the jobs
    /// (<see cref="GetJobsAsync"/>, newest first) before creating it again.
    /// </remarks>
    /// <param name="options">What to fine-tune.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created job, usually <c>pending</c> (Azure OpenAI) or <c>validating_files</c> (OpenAI).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Validation is on and the request breaks a rule of the spec; the message lists every problem.</exception>
    /// <exception cref="RequestFailedException">The service rejected the request.</exception>
    public virtual Task<Response<FineTuningJob>> CreateJobAsync(FineTuningJobCreateOptions options, CancellationToken cancellationToken = default) =>
        CreateJobCoreAsync(options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateJobAsync"/>
    public virtual Response<FineTuningJob> CreateJob(FineTuningJobCreateOptions options, CancellationToken cancellationToken = default) =>
        CreateJobCoreAsync(options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a fine-tuning job (both services).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request, for example 404 for an unknown job (<see cref="GetJobIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<FineTuningJob>> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.GetJob, jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetJobAsync"/>
    public virtual Response<FineTuningJob> GetJob(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.GetJob, jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a fine-tuning job if it exists (both services): a 404 is an answer here, not a failure.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The job (as <see cref="GetJobAsync"/> reads it), or, when there is no such job, a response whose
    /// <see cref="NullableResponse{T}.HasValue"/> is false (its raw response is the 404; Azure.Core does not log it as an
    /// error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request with a status other than 404.</exception>
    public virtual Task<NullableResponse<FineTuningJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetJobIfExistsCoreAsync(jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetJobIfExistsAsync"/>
    public virtual NullableResponse<FineTuningJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default) =>
        GetJobIfExistsCoreAsync(jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists fine-tuning jobs, newest first, page by page with the <c>after</c> cursor (both services).</summary>
    /// <param name="options">Where to start, the page size and (OpenAI) a metadata filter.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The jobs; a page's continuation token is the id to resume after.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    /// <exception cref="ArgumentException">A metadata filter has a null value.</exception>
    public virtual AsyncPageable<FineTuningJob> GetJobsAsync(FineTuningJobListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetJobs, JobsFetcher(options), null, cancellationToken);

    /// <inheritdoc cref="GetJobsAsync"/>
    public virtual Pageable<FineTuningJob> GetJobs(FineTuningJobListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetJobs, JobsFetcher(options), null, cancellationToken);

    /// <summary>Cancels a fine-tuning job (both services). The request is retried like a read: a second cancel changes nothing.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job, usually <c>cancelled</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service failed the request, for example because the job already finished.</exception>
    public virtual Task<Response<FineTuningJob>> CancelJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.CancelJob, jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CancelJobAsync"/>
    public virtual Response<FineTuningJob> CancelJob(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.CancelJob, jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Deletes a fine-tuning job (Azure OpenAI only; the OpenAI platform has no such operation).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, <c>204 No Content</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response> DeleteJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        DeleteJobCoreAsync(jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteJobAsync"/>
    public virtual Response DeleteJob(string jobId, CancellationToken cancellationToken = default) =>
        DeleteJobCoreAsync(jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Pauses a running fine-tuning job (OpenAI platform only; Azure OpenAI <c>2024-05-01-preview</c> has no such operation).</summary>
    /// <remarks>
    /// Retried like a read, since a repeat changes nothing more. If the first attempt took effect but its answer was
    /// lost, the repeat may be answered with the service's error that the job is not running; <see cref="GetJobAsync"/> tells.
    /// </remarks>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job, usually <c>paused</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<FineTuningJob>> PauseJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.PauseJob, jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="PauseJobAsync"/>
    public virtual Response<FineTuningJob> PauseJob(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.PauseJob, jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Resumes a paused fine-tuning job (OpenAI platform only; Azure OpenAI <c>2024-05-01-preview</c> has no such operation).</summary>
    /// <remarks>
    /// Retried like a read, since a repeat changes nothing more. If the first attempt took effect but its answer was
    /// lost, the repeat may be answered with the service's error that the job is not paused; <see cref="GetJobAsync"/> tells.
    /// </remarks>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job, usually <c>running</c> again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service failed the request.</exception>
    public virtual Task<Response<FineTuningJob>> ResumeJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.ResumeJob, jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="ResumeJobAsync"/>
    public virtual Response<FineTuningJob> ResumeJob(string jobId, CancellationToken cancellationToken = default) =>
        SendJobRequestCoreAsync(FineTuningOperations.ResumeJob, jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the events of a fine-tuning job (state changes, messages, metrics), page by page (both services).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="options">Where to start and the page size (default 20).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The events; a page's continuation token is the id to resume after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    public virtual AsyncPageable<FineTuningJobEvent> GetJobEventsAsync(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetJobEvents, JobChildrenFetcher<FineTuningJobEvent>(FineTuningOperations.GetJobEvents, jobId, options, e => e.Id), null, cancellationToken);

    /// <inheritdoc cref="GetJobEventsAsync"/>
    public virtual Pageable<FineTuningJobEvent> GetJobEvents(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetJobEvents, JobChildrenFetcher<FineTuningJobEvent>(FineTuningOperations.GetJobEvents, jobId, options, e => e.Id), null, cancellationToken);

    /// <summary>Lists the checkpoints of a fine-tuning job, page by page (both services).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="options">Where to start and the page size (default 10).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The checkpoints; a page's continuation token is the id to resume after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1.</exception>
    public virtual AsyncPageable<FineTuningJobCheckpoint> GetJobCheckpointsAsync(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetJobCheckpoints, JobChildrenFetcher<FineTuningJobCheckpoint>(FineTuningOperations.GetJobCheckpoints, jobId, options, c => c.Id), null, cancellationToken);

    /// <inheritdoc cref="GetJobCheckpointsAsync"/>
    public virtual Pageable<FineTuningJobCheckpoint> GetJobCheckpoints(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetJobCheckpoints, JobChildrenFetcher<FineTuningJobCheckpoint>(FineTuningOperations.GetJobCheckpoints, jobId, options, c => c.Id), null, cancellationToken);

    /// <summary>
    /// Polls a fine-tuning job until it reaches a terminal state (<c>succeeded</c>, <c>failed</c>, <c>cancelled</c> or
    /// <c>canceled</c>; see <see cref="FineTuningState.IsTerminal"/>) and returns it (both services). A job that
    /// <c>failed</c> throws <see cref="FineTuningJobFailedException"/> carrying the job and its error; a cancelled job
    /// is returned, check its <see cref="FineTuningJob.Status"/>.
    /// </summary>
    /// <remarks>
    /// Between polls it waits <paramref name="pollingInterval"/>, or longer when the service asks for more
    /// (<c>Retry-After</c>, <c>retry-after-ms</c>; at most 5 minutes). Without an interval it follows the service's
    /// hint, but never polls sooner than 100 milliseconds, and waits 10 seconds when the service does not say.
    /// </remarks>
    /// <param name="jobId">The job id.</param>
    /// <param name="pollingInterval">The shortest wait between polls; when null, as the service asks, else 10 seconds.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    /// <returns>The job in its terminal state, with the response of the last poll.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollingInterval"/> is not positive.</exception>
    /// <exception cref="FineTuningJobFailedException">The job failed.</exception>
    /// <exception cref="RequestFailedException">A poll failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<Response<FineTuningJob>> WaitForCompletionAsync(string jobId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForCompletionCoreAsync(jobId, pollingInterval, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="WaitForCompletionAsync"/>
    public virtual Response<FineTuningJob> WaitForCompletion(string jobId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForCompletionCoreAsync(jobId, pollingInterval, async: false, cancellationToken).EnsureCompleted();

    /// <summary>A client for files (upload, import, list, download, delete, wait until processed) over this client's connection.</summary>
    /// <returns>The files client.</returns>
    public virtual FineTuningFilesClient GetFilesClient() => new(_pipeline, _isOpenAI);

    /// <summary>A client for the permissions that share fine-tuned checkpoints with other projects (OpenAI platform) over this client's connection.</summary>
    /// <returns>The checkpoint permissions client.</returns>
    public virtual FineTuningCheckpointPermissionsClient GetCheckpointPermissionsClient() => new(_pipeline);

    /// <summary>A client for base and fine-tuned models over this client's connection.</summary>
    /// <returns>The models client.</returns>
    public virtual FineTuningModelsClient GetModelsClient() => new(_pipeline);

    /// <summary>A client for ingestion jobs (Azure OpenAI only) over this client's connection.</summary>
    /// <returns>The ingestion jobs client.</returns>
    public virtual IngestionJobsClient GetIngestionJobsClient() => new(_pipeline, _options);

    private async ValueTask<Response<FineTuningJob>> CreateJobCoreAsync(FineTuningJobCreateOptions options, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(options, nameof(options));
        if (_options.ValidateRequests)
        {
            options.EnsureValid(azureOpenAI: !_isOpenAI, nameof(options));
        }

        return await _pipeline.CallForValueAsync<FineTuningJob>(
            FineTuningOperations.CreateJob,
            FineTuningOperations.CreateJob.Path(),
            message => _pipeline.SetJsonContent(message, options),
            null,
            null,
            async,
            cancellationToken,
            (scope, job) =>
            {
                scope.SetId(job.Id);
                TagStatus(scope, job);
            }).ConfigureAwait(false);
    }

    private ValueTask<Response<FineTuningJob>> SendJobRequestCoreAsync(ServiceOperation operation, string jobId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueAsync<FineTuningJob>(
            operation,
            operation.Path(jobId),
            operation.Method == "POST" ? RetrySafety.MarkSafe : null, // cancel, pause and resume move the job to a state: a repeat creates nothing and changes nothing more
            null,
            jobId,
            async,
            cancellationToken,
            TagStatus);

    /// <summary>The GET of <see cref="GetJobAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<FineTuningJob>> GetJobIfExistsCoreAsync(string jobId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<FineTuningJob>(FineTuningOperations.GetJob, FineTuningOperations.GetJob.Path(jobId), null, jobId, async, cancellationToken, TagStatus);

    private static void TagStatus(OperationScope scope, FineTuningJob job) => scope.SetStatus(job.Status?.ToString());

    private ValueTask<Response> DeleteJobCoreAsync(string jobId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForResponseAsync(FineTuningOperations.DeleteJob, FineTuningOperations.DeleteJob.Path(jobId), jobId, async, cancellationToken);

    private async ValueTask<Response<FineTuningJob>> WaitForCompletionCoreAsync(string jobId, TimeSpan? pollingInterval, bool async, CancellationToken cancellationToken)
    {
        PathSegment.Assert(jobId, nameof(jobId));
        if (pollingInterval is { } requested)
        {
            Argument.AssertPositive(requested, nameof(pollingInterval));
        }

        using OperationScope scope = OperationScope.Start("FineTuningClient.WaitForCompletion", id: jobId);
        try
        {
            while (true)
            {
                Response<FineTuningJob> response = await SendJobRequestCoreAsync(FineTuningOperations.GetJob, jobId, async, cancellationToken).ConfigureAwait(false);
                FineTuningJob job = response.Value;
                scope.SetStatus(job.Status?.ToString());
                if (job.Status is { IsTerminal: true } status)
                {
                    return status.Matches(FineTuningState.Failed) ? throw new FineTuningJobFailedException(job) : response;
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

    private PageFetcher<FineTuningJob> JobsFetcher(FineTuningJobListOptions? options)
    {
        ListPaging.AssertLimit(options?.Limit, "options.Limit");
        string? start = options?.After;
        int? limit = options?.Limit;
        var metadata = options is null ? null : new List<KeyValuePair<string, string>>(options.Metadata);
        if (metadata?.Exists(pair => pair.Value is null) == true)
        {
            throw new ArgumentException("A metadata filter needs a value for each of its keys.", "options.Metadata");
        }
        return ListPaging.Cursor(
            _pipeline,
            (after, pageSizeHint) =>
            {
                HttpMessage message = _pipeline.CreateRequest(FineTuningOperations.GetJobs, FineTuningOperations.GetJobs.Path());
                ListPaging.AppendCursor(message, after ?? start, pageSizeHint ?? limit);
                if (metadata is not null)
                {
                    foreach (KeyValuePair<string, string> pair in metadata)
                    {
                        message.Request.Uri.AppendQuery("metadata[" + Uri.EscapeDataString(pair.Key) + "]", pair.Value);
                    }
                }

                return message;
            },
            ModelSerialization.GetTypeInfo<FineTuningJob>(_pipeline.Json),
            job => job.Id);
    }

    private PageFetcher<T> JobChildrenFetcher<T>(ServiceOperation operation, string jobId, FineTuningListOptions? options, Func<T, string?> idOf)
        where T : notnull
    {
        string path = operation.Path(jobId);
        ListPaging.AssertLimit(options?.Limit, "options.Limit");
        string? start = options?.After;
        int? limit = options?.Limit;
        return ListPaging.Cursor(
            _pipeline,
            (after, pageSizeHint) =>
            {
                HttpMessage message = _pipeline.CreateRequest(operation, path);
                ListPaging.AppendCursor(message, after ?? start, pageSizeHint ?? limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<T>(_pipeline.Json),
            idOf);
    }

    private static Uri CheckEndpoint(Uri azureOpenAIEndpoint)
    {
        TransportSecurity.RequireSecureEndpoint(azureOpenAIEndpoint, nameof(azureOpenAIEndpoint));
        return azureOpenAIEndpoint;
    }

    private static T CheckCredential<T>(T credential)
        where T : class
    {
        Argument.AssertNotNull(credential, nameof(credential));
        return credential;
    }
}
