using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>
    /// Creates and starts a training job (<c>POST /training_jobs</c>). The request carries a fresh
    /// <c>Operation-Id</c> idempotency key, re-sent unchanged on every retry, so a retried create never makes two jobs.
    /// When <see cref="TrainingJobsClientOptions.ValidateRequests"/> is on (the default), the job is validated first and every problem is reported at once.
    /// </summary>
    /// <param name="name">The job name (case-sensitive, unique in the project).</param>
    /// <param name="properties">What to run, usually a <see cref="CommandJob"/> with a <see cref="CommandJob.Training"/> recipe.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="properties"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or validation found problems (all listed, with their JSON paths).</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<TrainingJob>> CreateAsync(string name, JobProperties properties, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(name, properties, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CreateAsync"/>
    public virtual Response<TrainingJob> Create(string name, JobProperties properties, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(name, properties, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a training job (<c>GET /training_jobs/{name}</c>).</summary>
    /// <param name="name">The job name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 when the job does not exist; <see cref="GetIfExistsAsync"/> answers that without an exception).</exception>
    public virtual Task<Response<TrainingJob>> GetAsync(string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(name, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetAsync"/>
    public virtual Response<TrainingJob> Get(string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(name, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Gets a training job if it exists (<c>GET /training_jobs/{name}</c>): a 404 is an answer here, not a failure.
    /// </summary>
    /// <param name="name">The job name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The job, or, when there is no such job, a response whose <see cref="NullableResponse{T}.HasValue"/> is false
    /// (its raw response is the 404; Azure.Core does not log it as an error response, and the span does not fail).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error other than 404.</exception>
    public virtual Task<NullableResponse<TrainingJob>> GetIfExistsAsync(string name, CancellationToken cancellationToken = default) =>
        GetIfExistsCoreAsync(name, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetIfExistsAsync"/>
    public virtual NullableResponse<TrainingJob> GetIfExists(string name, CancellationToken cancellationToken = default) =>
        GetIfExistsCoreAsync(name, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists training jobs (<c>GET /training_jobs</c>) with optional filters.</summary>
    /// <param name="options">Filters (type, tag, view, properties) and paging; all jobs when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The jobs, fetched a page at a time; continuation tokens are job ids usable as <c>after</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><c>options.Limit</c> is outside 1–100.</exception>
    public virtual AsyncPageable<TrainingJob> GetJobsAsync(TrainingJobListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetJobs, JobsFetcher(options), null, cancellationToken);

    /// <inheritdoc cref="GetJobsAsync"/>
    public virtual Pageable<TrainingJob> GetJobs(TrainingJobListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetJobs, JobsFetcher(options), null, cancellationToken);

    private async ValueTask<Response<TrainingJob>> CreateCoreAsync(string name, JobProperties properties, bool async, CancellationToken cancellationToken)
    {
        // The name is the path segment of every later call on the job: one that could never be addressed is refused now.
        PathSegment.Assert(name, nameof(name));
        Argument.AssertNotNull(properties, nameof(properties));
        if (_options.ValidateRequests)
        {
            properties.EnsureValid(nameof(properties));
        }

        return await _pipeline.CallForValueAsync<TrainingJob>(
            TrainingJobsOperations.Create,
            TrainingJobsOperations.Create.Path(),
            message =>
            {
                message.Request.Headers.SetValue("Operation-Id", Guid.NewGuid().ToString());
                _pipeline.SetJsonContent(message, new JobCreate(name, properties));
            },
            name,
            null,
            async,
            cancellationToken,
            (scope, created) =>
            {
                scope.SetId(created.Id);
                TagStatus(scope, created);
            }).ConfigureAwait(false);
    }

    /// <summary>The one GET of a job (Get, WaitForCompletion, Watch), its span tagged with the job's status.</summary>
    private ValueTask<Response<TrainingJob>> GetCoreAsync(string name, bool async, CancellationToken cancellationToken) =>
        GetValueAsync<TrainingJob>(TrainingJobsOperations.Get, TrainingJobsOperations.Get.Path(name), null, name, async, cancellationToken, TagStatus);

    /// <summary>The GET of <see cref="GetCoreAsync"/> (same span, same request), a 404 answered as no value.</summary>
    private ValueTask<NullableResponse<TrainingJob>> GetIfExistsCoreAsync(string name, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallForValueOrNotFoundAsync<TrainingJob>(TrainingJobsOperations.Get, TrainingJobsOperations.Get.Path(name), name, null, async, cancellationToken, TagStatus);

    /// <summary>Tags a span with the job's status.</summary>
    private static void TagStatus(OperationScope scope, TrainingJob job) => scope.SetStatus(TrainingJobStates.StatusOf(job));

    private PageFetcher<TrainingJob> JobsFetcher(TrainingJobListOptions? options)
    {
        ValidatePaging(options, nameof(options));
        return ListPaging.Cursor(
            _pipeline,
            (after, limit) =>
            {
                HttpMessage message = _pipeline.CreateRequest(TrainingJobsOperations.GetJobs, TrainingJobsOperations.GetJobs.Path());
                RequestUriBuilder uri = message.Request.Uri;
                if (options?.JobType is JobType jobType)
                {
                    uri.AppendQuery("job_type", jobType.ToString(), escapeValue: true);
                }

                if (options?.Tag is not null)
                {
                    uri.AppendQuery("tag", options.Tag, escapeValue: true);
                }

                if (options?.ListViewType is ListViewType view)
                {
                    uri.AppendQuery("list_view_type", view.ToString(), escapeValue: true);
                }

                if (options?.Properties is not null)
                {
                    uri.AppendQuery("properties", options.Properties, escapeValue: true);
                }

                AppendPaging(uri, options, after, limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<TrainingJob>(),
            job => job.Name);
    }
}
