using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>The operations of <see cref="FineTuningClient"/>, for mocking and decoration.</summary>
public interface IFineTuningClient
{
    /// <inheritdoc cref="FineTuningClient.CreateJobAsync"/>
    Task<Response<FineTuningJob>> CreateJobAsync(FineTuningJobCreateOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.CreateJob"/>
    Response<FineTuningJob> CreateJob(FineTuningJobCreateOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobAsync"/>
    Task<Response<FineTuningJob>> GetJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJob"/>
    Response<FineTuningJob> GetJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobIfExistsAsync"/>
    Task<NullableResponse<FineTuningJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobIfExists"/>
    NullableResponse<FineTuningJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobsAsync"/>
    AsyncPageable<FineTuningJob> GetJobsAsync(FineTuningJobListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobs"/>
    Pageable<FineTuningJob> GetJobs(FineTuningJobListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.CancelJobAsync"/>
    Task<Response<FineTuningJob>> CancelJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.CancelJob"/>
    Response<FineTuningJob> CancelJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.DeleteJobAsync"/>
    Task<Response> DeleteJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.DeleteJob"/>
    Response DeleteJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.PauseJobAsync"/>
    Task<Response<FineTuningJob>> PauseJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.PauseJob"/>
    Response<FineTuningJob> PauseJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.ResumeJobAsync"/>
    Task<Response<FineTuningJob>> ResumeJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.ResumeJob"/>
    Response<FineTuningJob> ResumeJob(string jobId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobEventsAsync"/>
    AsyncPageable<FineTuningJobEvent> GetJobEventsAsync(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobEvents"/>
    Pageable<FineTuningJobEvent> GetJobEvents(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobCheckpointsAsync"/>
    AsyncPageable<FineTuningJobCheckpoint> GetJobCheckpointsAsync(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetJobCheckpoints"/>
    Pageable<FineTuningJobCheckpoint> GetJobCheckpoints(string jobId, FineTuningListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.WaitForCompletionAsync"/>
    Task<Response<FineTuningJob>> WaitForCompletionAsync(string jobId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.WaitForCompletion"/>
    Response<FineTuningJob> WaitForCompletion(string jobId, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.GetFilesClient"/>
    FineTuningFilesClient GetFilesClient();

    /// <inheritdoc cref="FineTuningClient.GetModelsClient"/>
    FineTuningModelsClient GetModelsClient();

    /// <inheritdoc cref="FineTuningClient.GetIngestionJobsClient"/>
    IngestionJobsClient GetIngestionJobsClient();

    /// <inheritdoc cref="FineTuningClient.GetCheckpointPermissionsClient"/>
    FineTuningCheckpointPermissionsClient GetCheckpointPermissionsClient();

    /// <inheritdoc cref="FineTuningClient.RunGraderAsync"/>
    Task<Response<FineTuningGraderRunResult>> RunGraderAsync(FineTuningGrader grader, string modelSample, IDictionary<string, JsonNode?>? item = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.RunGrader"/>
    Response<FineTuningGraderRunResult> RunGrader(FineTuningGrader grader, string modelSample, IDictionary<string, JsonNode?>? item = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.ValidateGraderAsync"/>
    Task<Response<FineTuningGrader>> ValidateGraderAsync(FineTuningGrader grader, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FineTuningClient.ValidateGrader"/>
    Response<FineTuningGrader> ValidateGrader(FineTuningGrader grader, CancellationToken cancellationToken = default);
}
