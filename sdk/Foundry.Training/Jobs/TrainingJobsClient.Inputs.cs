using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>Lists the inputs the job's backing run recorded (<c>GET /training_jobs/{job_name}/inputs</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The inputs (a single page: the route takes no paging parameters).</returns>
    /// <exception cref="System.ArgumentException"><paramref name="jobName"/> is null or empty.</exception>
    public virtual AsyncPageable<JobExecutionAssetReference> GetInputsAsync(string jobName, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetInputs, SinglePage<JobExecutionAssetReference>(TrainingJobsOperations.GetInputs, jobName), jobName, cancellationToken);

    /// <inheritdoc cref="GetInputsAsync"/>
    public virtual Pageable<JobExecutionAssetReference> GetInputs(string jobName, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetInputs, SinglePage<JobExecutionAssetReference>(TrainingJobsOperations.GetInputs, jobName), jobName, cancellationToken);

    /// <summary>Gets one input of a job (<c>GET /training_jobs/{job_name}/inputs/{input_name}</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="inputName">The input name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The input.</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobExecutionAssetReference>> GetInputAsync(string jobName, string inputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobExecutionAssetReference>(TrainingJobsOperations.GetInput, TrainingJobsOperations.GetInput.Path(jobName, inputName), null, jobName, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetInputAsync"/>
    public virtual Response<JobExecutionAssetReference> GetInput(string jobName, string inputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobExecutionAssetReference>(TrainingJobsOperations.GetInput, TrainingJobsOperations.GetInput.Path(jobName, inputName), null, jobName, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the inputs one attempt recorded (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}/inputs</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The inputs (a single page).</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty.</exception>
    public virtual AsyncPageable<JobExecutionAssetReference> GetAttemptInputsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetAttemptInputs, SinglePage<JobExecutionAssetReference>(TrainingJobsOperations.GetAttemptInputs, jobName, attemptId), jobName, cancellationToken);

    /// <inheritdoc cref="GetAttemptInputsAsync"/>
    public virtual Pageable<JobExecutionAssetReference> GetAttemptInputs(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetAttemptInputs, SinglePage<JobExecutionAssetReference>(TrainingJobsOperations.GetAttemptInputs, jobName, attemptId), jobName, cancellationToken);

    /// <summary>Gets one input of an attempt (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}/inputs/{input_name}</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="inputName">The input name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The input.</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobExecutionAssetReference>> GetAttemptInputAsync(string jobName, string attemptId, string inputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobExecutionAssetReference>(TrainingJobsOperations.GetAttemptInput, TrainingJobsOperations.GetAttemptInput.Path(jobName, attemptId, inputName), null, jobName, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAttemptInputAsync"/>
    public virtual Response<JobExecutionAssetReference> GetAttemptInput(string jobName, string attemptId, string inputName, CancellationToken cancellationToken = default) =>
        GetValueAsync<JobExecutionAssetReference>(TrainingJobsOperations.GetAttemptInput, TrainingJobsOperations.GetAttemptInput.Path(jobName, attemptId, inputName), null, jobName, async: false, cancellationToken).EnsureCompleted();
}
