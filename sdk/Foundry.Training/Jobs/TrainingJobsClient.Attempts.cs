using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>Lists the execution attempts of a job (<c>GET /training_jobs/{job_name}/attempts</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="options">Paging; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The attempts, fetched a page at a time; continuation tokens are attempt ids.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="jobName"/> is null or empty, or <c>options.Limit</c> is outside 1–100.</exception>
    public virtual AsyncPageable<JobAttempt> GetAttemptsAsync(string jobName, TrainingListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetAttempts, AttemptsFetcher(jobName, options), jobName, cancellationToken);

    /// <inheritdoc cref="GetAttemptsAsync"/>
    public virtual Pageable<JobAttempt> GetAttempts(string jobName, TrainingListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetAttempts, AttemptsFetcher(jobName, options), jobName, cancellationToken);

    /// <summary>Gets one attempt of a job (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The attempt.</returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 when there is no such attempt; <see cref="GetAttemptIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<JobAttempt>> GetAttemptAsync(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        GetAttemptCoreAsync(jobName, attemptId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAttemptAsync"/>
    public virtual Response<JobAttempt> GetAttempt(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        GetAttemptCoreAsync(jobName, attemptId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Gets one attempt of a job if it exists (<c>GET /training_jobs/{job_name}/attempts/{attempt_id}</c>): a 404 (no
    /// such job or attempt; for <see cref="LatestAttempt"/>, a job that has not run yet) is an answer here, not a failure.
    /// </summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The attempt, or, when there is none, a response whose <see cref="NullableResponse{T}.HasValue"/> is false (its
    /// raw response is the 404; Azure.Core does not log it as an error response, and the span does not fail).
    /// </returns>
    /// <exception cref="System.ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error other than 404.</exception>
    public virtual Task<NullableResponse<JobAttempt>> GetAttemptIfExistsAsync(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        GetAttemptIfExistsCoreAsync(jobName, attemptId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAttemptIfExistsAsync"/>
    public virtual NullableResponse<JobAttempt> GetAttemptIfExists(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        GetAttemptIfExistsCoreAsync(jobName, attemptId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<JobAttempt>> GetAttemptCoreAsync(string jobName, string attemptId, bool async, CancellationToken cancellationToken)
    {
        return GetValueAsync<JobAttempt>(TrainingJobsOperations.GetAttempt, TrainingJobsOperations.GetAttempt.Path(jobName, attemptId), null, jobName, async, cancellationToken);
    }

    /// <summary>The GET of <see cref="GetAttemptCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<JobAttempt>> GetAttemptIfExistsCoreAsync(string jobName, string attemptId, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<JobAttempt>(TrainingJobsOperations.GetAttempt, TrainingJobsOperations.GetAttempt.Path(jobName, attemptId), jobName, null, async, cancellationToken);

    private PageFetcher<JobAttempt> AttemptsFetcher(string jobName, TrainingListOptions? options)
    {
        string path = TrainingJobsOperations.GetAttempts.Path(jobName);
        ValidatePaging(options, nameof(options));
        return ListPaging.Cursor(
            _pipeline,
            (after, limit) =>
            {
                HttpMessage message = _pipeline.CreateRequest(TrainingJobsOperations.GetAttempts, path);
                AppendPaging(message.Request.Uri, options, after, limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<JobAttempt>(),
            attempt => attempt.Id);
    }
}
