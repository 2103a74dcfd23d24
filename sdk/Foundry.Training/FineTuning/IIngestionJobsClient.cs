using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>Azure OpenAI ingestion jobs: the contract of <see cref="IngestionJobsClient"/>, for mocking and decoration.</summary>
public interface IIngestionJobsClient
{
    /// <inheritdoc cref="IngestionJobsClient.CreateJobAsync"/>
    Task<Response<IngestionJob>> CreateJobAsync(string jobId, IngestionJob job, string? managementUserToken = null, string? amlUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.CreateJob"/>
    Response<IngestionJob> CreateJob(string jobId, IngestionJob job, string? managementUserToken = null, string? amlUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJobAsync"/>
    Task<Response<IngestionJob>> GetJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJob"/>
    Response<IngestionJob> GetJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJobIfExistsAsync"/>
    Task<NullableResponse<IngestionJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJobIfExists"/>
    NullableResponse<IngestionJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJobsAsync"/>
    AsyncPageable<IngestionJob> GetJobsAsync(string? managementUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetJobs"/>
    Pageable<IngestionJob> GetJobs(string? managementUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetRunsAsync"/>
    AsyncPageable<IngestionJobRun> GetRunsAsync(string jobId, string? managementUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetRuns"/>
    Pageable<IngestionJobRun> GetRuns(string jobId, string? managementUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetRunAsync"/>
    Task<Response<IngestionJobRun>> GetRunAsync(string jobId, string runId, string? managementUserToken = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="IngestionJobsClient.GetRun"/>
    Response<IngestionJobRun> GetRun(string jobId, string runId, string? managementUserToken = null, CancellationToken cancellationToken = default);
}
