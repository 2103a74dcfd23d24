using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>Lists the outputs a job produced (<c>GET /training_jobs/{job_name}/outputs</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The outputs (a single page: the route takes no paging parameters).</returns>
    /// <exception cref="System.ArgumentException"><paramref name="jobName"/> is null or empty.</exception>
    public virtual AsyncPageable<JobOutputReference> GetOutputsAsync(string jobName, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetOutputs, SinglePage<JobOutputReference>(TrainingJobsOperations.GetOutputs, jobName), jobName, cancellationToken);

    /// <inheritdoc cref="GetOutputsAsync"/>
    public virtual Pageable<JobOutputReference> GetOutputs(string jobName, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetOutputs, SinglePage<JobOutputReference>(TrainingJobsOperations.GetOutputs, jobName), jobName, cancellationToken);

    /// <summary>Gets one output of a job (<c>GET /training_jobs/{job_name}/outputs/{output_name}</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="outputName">The output name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The output.</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobOutputReference>> GetOutputAsync(string jobName, string outputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobOutputReference>(TrainingJobsOperations.GetOutput, TrainingJobsOperations.GetOutput.Path(jobName, outputName), null, jobName, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetOutputAsync"/>
    public virtual Response<JobOutputReference> GetOutput(string jobName, string outputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobOutputReference>(TrainingJobsOperations.GetOutput, TrainingJobsOperations.GetOutput.Path(jobName, outputName), null, jobName, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the outputs one attempt produced (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}/outputs</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The outputs (a single page).</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    public virtual AsyncPageable<JobOutputReference> GetAttemptOutputsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetAttemptOutputs, SinglePage<JobOutputReference>(TrainingJobsOperations.GetAttemptOutputs, jobName, attemptId), jobName, cancellationToken);

    /// <inheritdoc cref="GetAttemptOutputsAsync"/>
    public virtual Pageable<JobOutputReference> GetAttemptOutputs(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetAttemptOutputs, SinglePage<JobOutputReference>(TrainingJobsOperations.GetAttemptOutputs, jobName, attemptId), jobName, cancellationToken);

    /// <summary>Gets one output of an attempt (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}/outputs/{output_name}</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier.</param>
    /// <param name="outputName">The output name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The output.</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobOutputReference>> GetAttemptOutputAsync(string jobName, string attemptId, string outputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobOutputReference>(TrainingJobsOperations.GetAttemptOutput, TrainingJobsOperations.GetAttemptOutput.Path(jobName, attemptId, outputName), null, jobName, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAttemptOutputAsync"/>
    public virtual Response<JobOutputReference> GetAttemptOutput(string jobName, string attemptId, string outputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobOutputReference>(TrainingJobsOperations.GetAttemptOutput, TrainingJobsOperations.GetAttemptOutput.Path(jobName, attemptId, outputName), null, jobName, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the service endpoints (Studio, tracking, ...) of a job (<c>GET /training_jobs/{job_name}/services</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="nodeId">The node whose services to return; the leader node when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The services keyed by name.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="jobName"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<TrainingJobServiceCollection>> GetServicesAsync(string jobName, int? nodeId = null, CancellationToken cancellationToken = default) =>
        GetServicesCoreAsync(jobName, nodeId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetServicesAsync"/>
    public virtual Response<TrainingJobServiceCollection> GetServices(string jobName, int? nodeId = null, CancellationToken cancellationToken = default) =>
        GetServicesCoreAsync(jobName, nodeId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Lists the service endpoints of one node of a job (<c>GET /training_jobs/{job_name}/nodes/{node_id}/services</c>,
    /// the later revision's route for what <see cref="GetServicesAsync"/> asks with a <c>node_id</c> query).
    /// </summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="nodeId">The node, from 0 (the leader) to the job's instance count minus one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The node's services keyed by name.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="jobName"/> is null or empty.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="nodeId"/> is negative.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<TrainingJobServiceCollection>> GetNodeServicesAsync(string jobName, int nodeId, CancellationToken cancellationToken = default) =>
        GetNodeServicesCoreAsync(jobName, nodeId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetNodeServicesAsync"/>
    public virtual Response<TrainingJobServiceCollection> GetNodeServices(string jobName, int nodeId, CancellationToken cancellationToken = default) =>
        GetNodeServicesCoreAsync(jobName, nodeId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<TrainingJobServiceCollection>> GetNodeServicesCoreAsync(string jobName, int nodeId, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertInRange(nodeId, 0, int.MaxValue, nameof(nodeId));
        return GetValueAsync<TrainingJobServiceCollection>(TrainingJobsOperations.GetNodeServices, TrainingJobsOperations.GetNodeServices.Path(jobName, nodeId.ToString(CultureInfo.InvariantCulture)), null, jobName, async, cancellationToken);
    }

    private ValueTask<Response<TrainingJobServiceCollection>> GetServicesCoreAsync(string jobName, int? nodeId, bool async, CancellationToken cancellationToken)
    {
        return GetValueAsync<TrainingJobServiceCollection>(
            TrainingJobsOperations.GetServices,
            TrainingJobsOperations.GetServices.Path(jobName),
            nodeId is null ? null : uri => uri.AppendQuery("node_id", nodeId.Value.ToString(CultureInfo.InvariantCulture), escapeValue: true),
            jobName,
            async,
            cancellationToken);
    }
}
