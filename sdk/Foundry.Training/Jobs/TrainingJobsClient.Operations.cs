using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>The pipeline operations poll through.</summary>
    internal ServicePipeline Pipeline => _pipeline;

    /// <summary>
    /// Deletes a training job (<c>DELETE /training_jobs/{name}</c>), a long-running operation: <c>202</c> is polled to
    /// completion; <c>204</c> (the job does not exist) completes at once.
    /// </summary>
    /// <param name="waitUntil"><see cref="WaitUntil.Completed"/> to return after the deletion finished, <see cref="WaitUntil.Started"/> to return once accepted.</param>
    /// <param name="name">The training job name.</param>
    /// <param name="cancellationToken">Cancels the request (and the waiting).</param>
    /// <returns>The operation; rehydrate it later from its <see cref="TrainingJobOperation.Id"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service refused the request, or the operation failed.</exception>
    public virtual Task<TrainingJobOperation> DeleteAsync(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default) =>
        StartOperationAsync(waitUntil, name, TrainingJobsOperations.Delete, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="DeleteAsync"/>
    public virtual TrainingJobOperation Delete(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default) =>
        StartOperationAsync(waitUntil, name, TrainingJobsOperations.Delete, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Cancels a training job (<c>POST /training_jobs/{name}:cancel</c>), a long-running operation: <c>200</c> means
    /// canceled at once, <c>202</c> is polled to completion.
    /// </summary>
    /// <param name="waitUntil"><see cref="WaitUntil.Completed"/> to return after the cancellation finished, <see cref="WaitUntil.Started"/> to return once accepted.</param>
    /// <param name="name">The training job name.</param>
    /// <param name="cancellationToken">Cancels the request (and the waiting), not the job.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service refused the request, or the operation failed.</exception>
    public virtual Task<TrainingJobOperation> CancelAsync(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default) =>
        StartOperationAsync(waitUntil, name, TrainingJobsOperations.Cancel, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="CancelAsync"/>
    public virtual TrainingJobOperation Cancel(WaitUntil waitUntil, string name, CancellationToken cancellationToken = default) =>
        StartOperationAsync(waitUntil, name, TrainingJobsOperations.Cancel, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets the status of a delete or cancel operation (<c>GET /training_jobs/operations/{operation_id}/status</c>).</summary>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The operation resource; when the service answers without a body, one whose status reflects the HTTP status.</returns>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobOperationResource>> GetOperationStatusAsync(string operationId, CancellationToken cancellationToken = default) =>
        GetOperationCoreAsync(operationId, TrainingJobsOperations.GetOperationStatus, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetOperationStatusAsync"/>
    public virtual Response<JobOperationResource> GetOperationStatus(string operationId, CancellationToken cancellationToken = default) =>
        GetOperationCoreAsync(operationId, TrainingJobsOperations.GetOperationStatus, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets the result of a delete or cancel operation (<c>GET /training_jobs/operations/{operation_id}/result</c>): <c>202</c> while it runs.</summary>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The operation resource; <see cref="JobOperationStatus.InProgress"/> for a <c>202</c>, <see cref="JobOperationStatus.Succeeded"/> for an empty <c>200</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobOperationResource>> GetOperationResultAsync(string operationId, CancellationToken cancellationToken = default) =>
        GetOperationCoreAsync(operationId, TrainingJobsOperations.GetOperationResult, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetOperationResultAsync"/>
    public virtual Response<JobOperationResource> GetOperationResult(string operationId, CancellationToken cancellationToken = default) =>
        GetOperationCoreAsync(operationId, TrainingJobsOperations.GetOperationResult, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<JobOperationResource>> GetOperationCoreAsync(string operationId, ServiceOperation operation, bool async, CancellationToken cancellationToken) =>
        _pipeline.CallAsync(
            operation,
            operation.Path(operationId),
            null,
            (message, scope) =>
            {
                JobOperationResource resource = JobOperationResponses.Read(_pipeline, message.Response, operationId);
                scope.SetStatus(resource.Status.ToString());
                return Response.FromValue(resource, message.Response);
            },
            null,
            operationId,
            async,
            cancellationToken);

    private async ValueTask<TrainingJobOperation> StartOperationAsync(WaitUntil waitUntil, string name, ServiceOperation start, bool async, CancellationToken cancellationToken)
    {
        TrainingJobOperation operation = await _pipeline.CallAsync(
            start,
            start.Path(name),
            RetrySafety.MarkSafe, // a second delete or cancel of the same job changes nothing more
            (message, scope) =>
            {
                var started = new TrainingJobOperation(_pipeline, name, message.Response, message.Request.Uri.ToUri());
                scope.SetId(started.Id);
                return started;
            },
            name,
            null,
            async,
            cancellationToken).ConfigureAwait(false);

        if (waitUntil == WaitUntil.Completed)
        {
            if (async)
            {
                await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                operation.WaitForCompletion(cancellationToken);
            }
        }

        return operation;
    }
}
