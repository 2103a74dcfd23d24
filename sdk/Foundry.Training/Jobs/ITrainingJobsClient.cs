using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// The operations of <see cref="TrainingJobsClient"/>, for mocking and dependency injection. Every member is documented
/// on the client.
/// </summary>
public interface ITrainingJobsClient
{
    /// <inheritdoc cref="TrainingJobsClient.Endpoint"/>
    Uri Endpoint { get; }

    /// <inheritdoc cref="TrainingJobsClient.CreateAsync(string, JobProperties, CancellationToken)"/>
    Task<Response<TrainingJob>> CreateAsync(string name, JobProperties properties, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.Create(string, JobProperties, CancellationToken)"/>
    Response<TrainingJob> Create(string name, JobProperties properties, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAsync(string, CancellationToken)"/>
    Task<Response<TrainingJob>> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.Get(string, CancellationToken)"/>
    Response<TrainingJob> Get(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetIfExistsAsync(string, CancellationToken)"/>
    Task<NullableResponse<TrainingJob>> GetIfExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetIfExists(string, CancellationToken)"/>
    NullableResponse<TrainingJob> GetIfExists(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetJobsAsync(TrainingJobListOptions?, CancellationToken)"/>
    AsyncPageable<TrainingJob> GetJobsAsync(TrainingJobListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetJobs(TrainingJobListOptions?, CancellationToken)"/>
    Pageable<TrainingJob> GetJobs(TrainingJobListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.DeleteAsync(WaitUntil, string, CancellationToken)"/>
    Task<TrainingJobOperation> DeleteAsync(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.Delete(WaitUntil, string, CancellationToken)"/>
    TrainingJobOperation Delete(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.CancelAsync(WaitUntil, string, CancellationToken)"/>
    Task<TrainingJobOperation> CancelAsync(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.Cancel(WaitUntil, string, CancellationToken)"/>
    TrainingJobOperation Cancel(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOperationStatusAsync(string, CancellationToken)"/>
    Task<Response<JobOperationResource>> GetOperationStatusAsync(string operationId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOperationStatus(string, CancellationToken)"/>
    Response<JobOperationResource> GetOperationStatus(string operationId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOperationResultAsync(string, CancellationToken)"/>
    Task<Response<JobOperationResource>> GetOperationResultAsync(string operationId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOperationResult(string, CancellationToken)"/>
    Response<JobOperationResource> GetOperationResult(string operationId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.WaitForCompletionAsync(string, TimeSpan?, CancellationToken)"/>
    Task<Response<TrainingJob>> WaitForCompletionAsync(string name, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.WaitForCompletion(string, TimeSpan?, CancellationToken)"/>
    Response<TrainingJob> WaitForCompletion(string name, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.WatchAsync(string, CancellationToken)"/>
    IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.WatchAsync(string, TimeSpan?, CancellationToken)"/>
    IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, TimeSpan? pollingInterval, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.WatchAsync(string, TrainingJobWatchOptions, CancellationToken)"/>
    IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, TrainingJobWatchOptions options, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetLogsAsync(string, string?, CancellationToken)"/>
    Task<IReadOnlyList<TrainingLogFile>> GetLogsAsync(string name, string? attemptId = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetLogs(string, string?, CancellationToken)"/>
    IReadOnlyList<TrainingLogFile> GetLogs(string name, string? attemptId = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.StreamLogsAsync(string, string?, bool, TrainingLogPosition?, TimeSpan?, CancellationToken)"/>
    IAsyncEnumerable<TrainingLogLine> StreamLogsAsync(string name, string? attemptId = null, bool follow = true, TrainingLogPosition? resumeFrom = null, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptsAsync(string, TrainingListOptions?, CancellationToken)"/>
    AsyncPageable<JobAttempt> GetAttemptsAsync(string jobName, TrainingListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttempts(string, TrainingListOptions?, CancellationToken)"/>
    Pageable<JobAttempt> GetAttempts(string jobName, TrainingListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptAsync(string, string, CancellationToken)"/>
    Task<Response<JobAttempt>> GetAttemptAsync(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttempt(string, string, CancellationToken)"/>
    Response<JobAttempt> GetAttempt(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptIfExistsAsync(string, string, CancellationToken)"/>
    Task<NullableResponse<JobAttempt>> GetAttemptIfExistsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptIfExists(string, string, CancellationToken)"/>
    NullableResponse<JobAttempt> GetAttemptIfExists(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactsAsync(string, string, ArtifactListOptions?, CancellationToken)"/>
    AsyncPageable<JobArtifact> GetArtifactsAsync(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifacts(string, string, ArtifactListOptions?, CancellationToken)"/>
    Pageable<JobArtifact> GetArtifacts(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactMetadataAsync(string, string, string, CancellationToken)"/>
    Task<Response<JobArtifact>> GetArtifactMetadataAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactMetadata(string, string, string, CancellationToken)"/>
    Response<JobArtifact> GetArtifactMetadata(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactContentInfoAsync(string, string, string, CancellationToken)"/>
    Task<Response<JobArtifactContentInfo>> GetArtifactContentInfoAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactContentInfo(string, string, string, CancellationToken)"/>
    Response<JobArtifactContentInfo> GetArtifactContentInfo(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactContentInfosAsync(string, string, ArtifactListOptions?, CancellationToken)"/>
    AsyncPageable<JobArtifactContentInfo> GetArtifactContentInfosAsync(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetArtifactContentInfos(string, string, ArtifactListOptions?, CancellationToken)"/>
    Pageable<JobArtifactContentInfo> GetArtifactContentInfos(string jobName, string attemptId, ArtifactListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.DownloadArtifactAsync(string, string, string, CancellationToken)"/>
    Task<Response<Stream>> DownloadArtifactAsync(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.DownloadArtifact(string, string, string, CancellationToken)"/>
    Response<Stream> DownloadArtifact(string jobName, string attemptId, string path, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.DownloadArtifactsAsync(string, string, string, string?, IProgress{ArtifactDownloadProgress}?, CancellationToken)"/>
    Task<IReadOnlyList<DownloadedArtifact>> DownloadArtifactsAsync(string jobName, string attemptId, string destinationDirectory, string? pathPrefix = null, IProgress<ArtifactDownloadProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.DownloadArtifacts(string, string, string, string?, IProgress{ArtifactDownloadProgress}?, CancellationToken)"/>
    IReadOnlyList<DownloadedArtifact> DownloadArtifacts(string jobName, string attemptId, string destinationDirectory, string? pathPrefix = null, IProgress<ArtifactDownloadProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricsAsync(string, string, TrainingListOptions?, CancellationToken)"/>
    AsyncPageable<JobMetric> GetMetricsAsync(string jobName, string attemptId, TrainingListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetrics(string, string, TrainingListOptions?, CancellationToken)"/>
    Pageable<JobMetric> GetMetrics(string jobName, string attemptId, TrainingListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricLastValuesAsync(string, string, CancellationToken)"/>
    AsyncPageable<JobMetricLastValue> GetMetricLastValuesAsync(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricLastValues(string, string, CancellationToken)"/>
    Pageable<JobMetricLastValue> GetMetricLastValues(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricPointsAsync(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    AsyncPageable<JobMetricPoint> GetMetricPointsAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricPoints(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Pageable<JobMetricPoint> GetMetricPoints(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricAggregatesAsync(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    AsyncPageable<JobMetricAggregate> GetMetricAggregatesAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricAggregates(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Pageable<JobMetricAggregate> GetMetricAggregates(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricSamplesAsync(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Task<Response<JobMetricSample>> GetMetricSamplesAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricSamples(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Response<JobMetricSample> GetMetricSamples(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricSampleAsync(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Task<Response<JobMetricSample>> GetMetricSampleAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetMetricSample(string, string, string, MetricQueryOptions?, CancellationToken)"/>
    Response<JobMetricSample> GetMetricSample(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOutputsAsync(string, CancellationToken)"/>
    AsyncPageable<JobOutputReference> GetOutputsAsync(string jobName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOutputs(string, CancellationToken)"/>
    Pageable<JobOutputReference> GetOutputs(string jobName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOutputAsync(string, string, CancellationToken)"/>
    Task<Response<JobOutputReference>> GetOutputAsync(string jobName, string outputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetOutput(string, string, CancellationToken)"/>
    Response<JobOutputReference> GetOutput(string jobName, string outputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptOutputsAsync(string, string, CancellationToken)"/>
    AsyncPageable<JobOutputReference> GetAttemptOutputsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptOutputs(string, string, CancellationToken)"/>
    Pageable<JobOutputReference> GetAttemptOutputs(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptOutputAsync(string, string, string, CancellationToken)"/>
    Task<Response<JobOutputReference>> GetAttemptOutputAsync(string jobName, string attemptId, string outputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptOutput(string, string, string, CancellationToken)"/>
    Response<JobOutputReference> GetAttemptOutput(string jobName, string attemptId, string outputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetInputsAsync(string, CancellationToken)"/>
    AsyncPageable<JobExecutionAssetReference> GetInputsAsync(string jobName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetInputs(string, CancellationToken)"/>
    Pageable<JobExecutionAssetReference> GetInputs(string jobName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetInputAsync(string, string, CancellationToken)"/>
    Task<Response<JobExecutionAssetReference>> GetInputAsync(string jobName, string inputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetInput(string, string, CancellationToken)"/>
    Response<JobExecutionAssetReference> GetInput(string jobName, string inputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptInputsAsync(string, string, CancellationToken)"/>
    AsyncPageable<JobExecutionAssetReference> GetAttemptInputsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptInputs(string, string, CancellationToken)"/>
    Pageable<JobExecutionAssetReference> GetAttemptInputs(string jobName, string attemptId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptInputAsync(string, string, string, CancellationToken)"/>
    Task<Response<JobExecutionAssetReference>> GetAttemptInputAsync(string jobName, string attemptId, string inputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetAttemptInput(string, string, string, CancellationToken)"/>
    Response<JobExecutionAssetReference> GetAttemptInput(string jobName, string attemptId, string inputName, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetServicesAsync(string, int?, CancellationToken)"/>
    Task<Response<TrainingJobServiceCollection>> GetServicesAsync(string jobName, int? nodeId = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetServices(string, int?, CancellationToken)"/>
    Response<TrainingJobServiceCollection> GetServices(string jobName, int? nodeId = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetNodeServicesAsync(string, int, CancellationToken)"/>
    Task<Response<TrainingJobServiceCollection>> GetNodeServicesAsync(string jobName, int nodeId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="TrainingJobsClient.GetNodeServices(string, int, CancellationToken)"/>
    Response<TrainingJobServiceCollection> GetNodeServices(string jobName, int nodeId, CancellationToken cancellationToken = default);
}
