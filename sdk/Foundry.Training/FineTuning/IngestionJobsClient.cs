using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Azure OpenAI ingestion jobs (<c>/ingestion/jobs</c>): create, get and list ingestion jobs and their runs.
/// Azure OpenAI only; obtain it from <c>FineTuningClient.GetIngestionJobsClient()</c>.
/// </summary>
/// <remarks>
/// Jobs that run in a user's Azure Machine Learning workspace (<see cref="UserComputeIngestionJob"/>) need the user's
/// tokens on their requests: <c>managementUserToken</c> goes in the <c>mgmt-user-token</c> header (access to the
/// workspace) and <c>amlUserToken</c> in the <c>aml-user-token</c> header (access to the resources the job uses).
/// Each operation takes the tokens the service accepts for it; leave them null for system-compute jobs. The SDK never
/// logs them, and never sends them to a next link on another host.
/// </remarks>
public class IngestionJobsClient : IIngestionJobsClient
{
    private const string ManagementUserTokenHeader = "mgmt-user-token";
    private const string AmlUserTokenHeader = "aml-user-token";

    /// <summary>For mocking.</summary>
    protected IngestionJobsClient()
    {
    }

    internal IngestionJobsClient(ServicePipeline pipeline, FineTuningClientOptions options)
    {
        Pipeline = pipeline;
        Options = options;
    }

    internal ServicePipeline? Pipeline { get; }

    internal FineTuningClientOptions? Options { get; }

    /// <summary>Creates an ingestion job with the given id (<c>PUT /ingestion/jobs/{job-id}</c>); the service starts a run of it.</summary>
    /// <param name="jobId">The id of the job to create.</param>
    /// <param name="job">The job: a <see cref="SystemComputeIngestionJob"/> or a <see cref="UserComputeIngestionJob"/>.</param>
    /// <param name="managementUserToken">User-compute jobs: the token to access the workspace (<c>mgmt-user-token</c>).</param>
    /// <param name="amlUserToken">User-compute jobs: the token to access the resources of the job in the workspace (<c>aml-user-token</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job as the service stored it. The run it started is named by the response's <c>Operation-Location</c> header.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> or <paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or a token is empty or has a control character.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service rejected the request.</exception>
    public virtual Task<Response<IngestionJob>> CreateJobAsync(string jobId, IngestionJob job, string? managementUserToken = null, string? amlUserToken = null, CancellationToken cancellationToken = default) =>
        CreateJobCoreAsync(jobId, job, managementUserToken, amlUserToken, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateJobAsync"/>
    public virtual Response<IngestionJob> CreateJob(string jobId, IngestionJob job, string? managementUserToken = null, string? amlUserToken = null, CancellationToken cancellationToken = default) =>
        CreateJobCoreAsync(jobId, job, managementUserToken, amlUserToken, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets an ingestion job (<c>GET /ingestion/jobs/{job-id}</c>).</summary>
    /// <param name="jobId">The id of the job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job; a kind this SDK does not know is an <see cref="UnknownIngestionJob"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service rejected the request, for example with 404 for an unknown job (<see cref="GetJobIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<IngestionJob>> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetJobCoreAsync(jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetJobAsync"/>
    public virtual Response<IngestionJob> GetJob(string jobId, CancellationToken cancellationToken = default) =>
        GetJobCoreAsync(jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Gets an ingestion job if it exists (<c>GET /ingestion/jobs/{job-id}</c>): a 404 is an answer here, not a failure.
    /// Azure OpenAI only: on the OpenAI platform, which has no such route, it fails before any request (a 404 there
    /// would say nothing about the job).
    /// </summary>
    /// <param name="jobId">The id of the job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The job (as <see cref="GetJobAsync"/> reads it), or, when there is no such job, a response whose
    /// <see cref="NullableResponse{T}.HasValue"/> is false (its raw response is the 404; Azure.Core does not log it as an
    /// error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform.</exception>
    /// <exception cref="RequestFailedException">The service rejected the request with a status other than 404.</exception>
    public virtual Task<NullableResponse<IngestionJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetJobIfExistsCoreAsync(jobId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetJobIfExistsAsync"/>
    public virtual NullableResponse<IngestionJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default) =>
        GetJobIfExistsCoreAsync(jobId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the ingestion jobs (<c>GET /ingestion/jobs</c>), following the service's next links.</summary>
    /// <param name="managementUserToken">The token to access the workspace (<c>mgmt-user-token</c>), needed to list user-compute jobs; sent with every page.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The jobs, fetched a page at a time as they are enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="managementUserToken"/> is empty or has a control character.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (thrown when the first page is fetched, before any request).</exception>
    public virtual AsyncPageable<IngestionJob> GetJobsAsync(string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetIngestions, JobsFetcher(managementUserToken), null, cancellationToken);

    /// <inheritdoc cref="GetJobsAsync"/>
    public virtual Pageable<IngestionJob> GetJobs(string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetIngestions, JobsFetcher(managementUserToken), null, cancellationToken);

    /// <summary>Lists the runs of an ingestion job (<c>GET /ingestion/jobs/{job-id}/runs</c>), following the service's next links.</summary>
    /// <param name="jobId">The id of the job.</param>
    /// <param name="managementUserToken">User-compute jobs: the token to access the workspace (<c>mgmt-user-token</c>); sent with every page.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The runs, fetched a page at a time as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <paramref name="managementUserToken"/> is empty or has a control character.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (thrown when the first page is fetched, before any request).</exception>
    public virtual AsyncPageable<IngestionJobRun> GetRunsAsync(string jobId, string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(FineTuningOperations.GetIngestionRuns, RunsFetcher(jobId, managementUserToken), null, cancellationToken);

    /// <inheritdoc cref="GetRunsAsync"/>
    public virtual Pageable<IngestionJobRun> GetRuns(string jobId, string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(FineTuningOperations.GetIngestionRuns, RunsFetcher(jobId, managementUserToken), null, cancellationToken);

    /// <summary>Gets a run of an ingestion job (<c>GET /ingestion/jobs/{job-id}/runs/{run-id}</c>).</summary>
    /// <param name="jobId">The id of the job.</param>
    /// <param name="runId">The id of the run.</param>
    /// <param name="managementUserToken">User-compute jobs: the token to access the workspace (<c>mgmt-user-token</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run with its status and the progress of its stages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jobId"/> or <paramref name="runId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> or <paramref name="runId"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <paramref name="managementUserToken"/> is empty or has a control character.</exception>
    /// <exception cref="NotSupportedException">The client talks to the OpenAI platform, which has no such route (refused before any request).</exception>
    /// <exception cref="RequestFailedException">The service rejected the request.</exception>
    public virtual Task<Response<IngestionJobRun>> GetRunAsync(string jobId, string runId, string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        GetRunCoreAsync(jobId, runId, managementUserToken, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetRunAsync"/>
    public virtual Response<IngestionJobRun> GetRun(string jobId, string runId, string? managementUserToken = null, CancellationToken cancellationToken = default) =>
        GetRunCoreAsync(jobId, runId, managementUserToken, async: false, cancellationToken).EnsureCompleted();

    private ServicePipeline RequirePipeline() =>
        Pipeline ?? throw new InvalidOperationException("This instance was created for mocking; obtain a working client from FineTuningClient.GetIngestionJobsClient().");

    private ValueTask<Response<IngestionJob>> CreateJobCoreAsync(string jobId, IngestionJob job, string? managementUserToken, string? amlUserToken, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.CreateIngestion.Path(jobId);
        Argument.AssertNotNull(job, nameof(job));
        AssertToken(managementUserToken, nameof(managementUserToken));
        AssertToken(amlUserToken, nameof(amlUserToken));
        ServicePipeline pipeline = RequirePipeline();
        return pipeline.CallForValueAsync<IngestionJob>(
            FineTuningOperations.CreateIngestion,
            path,
            message =>
            {
                AddHeader(message, ManagementUserTokenHeader, managementUserToken);
                AddHeader(message, AmlUserTokenHeader, amlUserToken);
                pipeline.SetJsonContent(message, job);
            },
            null,
            jobId,
            async,
            cancellationToken);
    }

    private ValueTask<Response<IngestionJob>> GetJobCoreAsync(string jobId, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.GetIngestion.Path(jobId);
        return RequirePipeline().CallForValueAsync<IngestionJob>(FineTuningOperations.GetIngestion, path, null, null, jobId, async, cancellationToken);
    }

    /// <summary>The GET of <see cref="GetJobCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<IngestionJob>> GetJobIfExistsCoreAsync(string jobId, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.GetIngestion.Path(jobId);
        return RequirePipeline().CallForValueOrNotFoundAsync<IngestionJob>(FineTuningOperations.GetIngestion, path, null, jobId, async, cancellationToken);
    }

    private ValueTask<Response<IngestionJobRun>> GetRunCoreAsync(string jobId, string runId, string? managementUserToken, bool async, CancellationToken cancellationToken)
    {
        string path = FineTuningOperations.GetIngestionRun.Path(jobId, runId);
        AssertToken(managementUserToken, nameof(managementUserToken));
        return RequirePipeline().CallForValueAsync<IngestionJobRun>(
            FineTuningOperations.GetIngestionRun,
            path,
            message => AddHeader(message, ManagementUserTokenHeader, managementUserToken),
            null,
            runId,
            async,
            cancellationToken,
            (scope, run) => scope.SetStatus(run.Status?.ToString()));
    }

    private PageFetcher<IngestionJob> JobsFetcher(string? managementUserToken)
    {
        AssertToken(managementUserToken, nameof(managementUserToken));
        ServicePipeline pipeline = RequirePipeline();
        return ListPaging.NextLink(
            pipeline,
            _ => CreateListRequest(pipeline, FineTuningOperations.GetIngestions, FineTuningOperations.GetIngestions.Path(), managementUserToken),
            ModelSerialization.GetTypeInfo<IngestionJob>(),
            message => AddTokenForNextLink(pipeline, message, managementUserToken));
    }

    private PageFetcher<IngestionJobRun> RunsFetcher(string jobId, string? managementUserToken)
    {
        string path = FineTuningOperations.GetIngestionRuns.Path(jobId);
        AssertToken(managementUserToken, nameof(managementUserToken));
        ServicePipeline pipeline = RequirePipeline();
        return ListPaging.NextLink(
            pipeline,
            _ => CreateListRequest(pipeline, FineTuningOperations.GetIngestionRuns, path, managementUserToken),
            ModelSerialization.GetTypeInfo<IngestionJobRun>(),
            message => AddTokenForNextLink(pipeline, message, managementUserToken));
    }

    private static HttpMessage CreateListRequest(ServicePipeline pipeline, ServiceOperation operation, string path, string? managementUserToken)
    {
        HttpMessage message = pipeline.CreateRequest(operation, path);
        AddHeader(message, ManagementUserTokenHeader, managementUserToken);
        return message;
    }

    /// <summary>Next links come from the service; the user's workspace token only follows one that stays on the service's origin.</summary>
    private static void AddTokenForNextLink(ServicePipeline pipeline, HttpMessage message, string? managementUserToken)
    {
        if (TransportSecurity.IsOwnService(message.Request.Uri, pipeline.Endpoint))
        {
            AddHeader(message, ManagementUserTokenHeader, managementUserToken);
        }
    }

    private static void AddHeader(HttpMessage message, string name, string? value)
    {
        if (value is not null)
        {
            message.Request.Headers.SetValue(name, value);
        }
    }

    /// <summary>A token travels in a header: it cannot be empty (pass null to send none), nor break the header with a control character.</summary>
    private static void AssertToken(string? token, string name)
    {
        if (token is not null && token.Length == 0)
        {
            throw new ArgumentException("A token cannot be an empty string; pass null to send none.", name);
        }

        if (token is not null)
        {
            Argument.AssertHeaderValue(token, name);
        }
    }
}
