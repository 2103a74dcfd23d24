using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

/// <summary>
/// A long-running delete or cancel of a training job. The service answers <c>202 Accepted</c> with
/// <c>Operation-Location</c>/<c>Location</c> (polled here, honouring <c>Retry-After</c>) or completes at once
/// (<c>200</c>/<c>204</c>). A failed or canceled operation surfaces as <see cref="RequestFailedException"/>.
/// Rehydrate a started operation from its <see cref="Id"/> with <see cref="TrainingJobOperation(TrainingJobsClient, string)"/>.
/// </summary>
public class TrainingJobOperation : Operation<JobOperationResource>
{
    private static readonly TimeSpan s_defaultPollingInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maximumPollingInterval = TimeSpan.FromMinutes(1);

    private readonly ServicePipeline _pipeline = null!;
    private readonly string _id = null!;
    private readonly string? _jobName;
    private Uri? _pollingUri;
    private Response? _rawResponse;
    private JobOperationResource? _value;
    private RequestFailedException? _failure;
    private bool _completed;

    /// <summary>For mocking.</summary>
    protected TrainingJobOperation()
    {
    }

    /// <summary>Rehydrates an operation from its id, polling <c>/training_jobs/operations/{id}/status</c>.</summary>
    /// <param name="client">The client that started the operation (or one for the same project).</param>
    /// <param name="id">The operation id, as returned by <see cref="Id"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    public TrainingJobOperation(TrainingJobsClient client, string id)
    {
        Argument.AssertNotNull(client, nameof(client));
        string path = TrainingJobsOperations.GetOperationStatus.Route.Expand(new[] { id }, new[] { nameof(id) });
        _pipeline = client.Pipeline;
        _id = id;
        _pollingUri = new Uri(_pipeline.Endpoint.AbsoluteUri + path);
    }

    internal TrainingJobOperation(ServicePipeline pipeline, string jobName, Response initial, Uri requestUri)
    {
        _pipeline = pipeline;
        _jobName = jobName;
        _rawResponse = initial;
        _pollingUri = initial.Status == 202 ? PollingLocation.Get(initial, requestUri) : null;
        if (initial.Status == 202 && _pollingUri is null)
        {
            throw ServiceFailure.Create(initial.Status, "The service accepted the operation but sent neither Operation-Location nor Location to poll.", "MissingPollingLocation", reasonPhrase: initial.ReasonPhrase);
        }

        _id = _pollingUri is null ? jobName : JobOperationResponses.IdFromPollingUri(_pollingUri);
        if (_pollingUri is null)
        {
            Complete(JobOperationResponses.Read(pipeline, initial, _id));
        }
    }

    /// <summary>The operation id; pass it to <see cref="TrainingJobOperation(TrainingJobsClient, string)"/> to resume polling elsewhere.</summary>
    public override string Id => _id;

    /// <summary>The final operation resource.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed.</exception>
    /// <exception cref="RequestFailedException">The operation failed or was canceled.</exception>
    public override JobOperationResource Value
    {
        get
        {
            if (!_completed)
            {
                throw new InvalidOperationException($"The operation {_id} has not completed; call WaitForCompletion or UpdateStatus first.");
            }

            return _failure is null ? _value! : throw _failure;
        }
    }

    /// <inheritdoc/>
    public override bool HasValue => _completed && _failure is null;

    /// <inheritdoc/>
    public override bool HasCompleted => _completed;

    /// <summary>The last HTTP response received.</summary>
    /// <exception cref="InvalidOperationException">A rehydrated operation has not polled yet.</exception>
    public override Response GetRawResponse() =>
        _rawResponse ?? throw new InvalidOperationException($"The operation {_id} was rehydrated and has not polled yet; call UpdateStatus first.");

    /// <inheritdoc/>
    public override Response UpdateStatus(CancellationToken cancellationToken = default) =>
        UpdateStatusCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc/>
    public override ValueTask<Response> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        UpdateStatusCoreAsync(async: true, cancellationToken);

    /// <summary>
    /// Polls until the operation completes, waiting as the service asks (<c>Retry-After</c>, <c>retry-after-ms</c>) but
    /// at least 100 milliseconds and at most a minute, or 2 seconds when it does not say.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the operation itself continues on the service).</param>
    /// <returns>The final operation resource.</returns>
    /// <exception cref="RequestFailedException">The operation failed, was canceled, or polling failed.</exception>
    public override ValueTask<Response<JobOperationResource>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitCoreAsync(null, async: true, cancellationToken);

    /// <summary>
    /// Polls until the operation completes, waiting <paramref name="pollingInterval"/> between polls, or longer when the
    /// service asks for more (<c>Retry-After</c>; at most a minute, or the interval when that is longer). A shorter
    /// <c>Retry-After</c> never makes it poll sooner.
    /// </summary>
    /// <param name="pollingInterval">The wait between polls; the shortest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final operation resource.</returns>
    /// <exception cref="RequestFailedException">The operation failed, was canceled, or polling failed.</exception>
    public override ValueTask<Response<JobOperationResource>> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
        WaitCoreAsync(pollingInterval, async: true, cancellationToken);

    /// <inheritdoc cref="WaitForCompletionAsync(CancellationToken)"/>
    public override Response<JobOperationResource> WaitForCompletion(CancellationToken cancellationToken = default) =>
        WaitCoreAsync(null, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="WaitForCompletionAsync(TimeSpan, CancellationToken)"/>
    public override Response<JobOperationResource> WaitForCompletion(TimeSpan pollingInterval, CancellationToken cancellationToken) =>
        WaitCoreAsync(pollingInterval, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc cref="WaitForCompletionAsync(CancellationToken)"/>
    public override async ValueTask<Response> WaitForCompletionResponseAsync(CancellationToken cancellationToken = default) =>
        (await WaitCoreAsync(null, async: true, cancellationToken).ConfigureAwait(false)).GetRawResponse();

    /// <inheritdoc cref="WaitForCompletionAsync(TimeSpan, CancellationToken)"/>
    public override async ValueTask<Response> WaitForCompletionResponseAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
        (await WaitCoreAsync(pollingInterval, async: true, cancellationToken).ConfigureAwait(false)).GetRawResponse();

    /// <inheritdoc cref="WaitForCompletionAsync(CancellationToken)"/>
    public override Response WaitForCompletionResponse(CancellationToken cancellationToken = default) =>
        WaitCoreAsync(null, async: false, cancellationToken).EnsureCompleted().GetRawResponse();

    /// <inheritdoc cref="WaitForCompletionAsync(TimeSpan, CancellationToken)"/>
    public override Response WaitForCompletionResponse(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
        WaitCoreAsync(pollingInterval, async: false, cancellationToken).EnsureCompleted().GetRawResponse();

    private async ValueTask<Response<JobOperationResource>> WaitCoreAsync(TimeSpan? pollingInterval, bool async, CancellationToken cancellationToken)
    {
        if (pollingInterval is TimeSpan interval)
        {
            Argument.AssertPositive(interval, nameof(pollingInterval));
        }

        using OperationScope scope = OperationScope.Start("TrainingJobOperation.WaitForCompletion", _jobName, _id);
        try
        {
            while (!_completed)
            {
                if (_rawResponse is not null)
                {
                    TimeSpan delay = Delay.ForNextPoll(_rawResponse, pollingInterval, s_defaultPollingInterval, s_maximumPollingInterval, _pipeline.Time);
                    await Delay.WaitAsync(delay, _pipeline.Time, async, cancellationToken).ConfigureAwait(false);
                }

                await UpdateStatusCoreAsync(async, cancellationToken).ConfigureAwait(false);
            }

            scope.SetStatus(_value?.Status.ToString());
            return Response.FromValue(Value, GetRawResponse());
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private async ValueTask<Response> UpdateStatusCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return GetRawResponse();
        }

        using HttpMessage message = _pipeline.CreateNextLinkRequest(_pollingUri!.AbsoluteUri);
        Response response = await _pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
        _rawResponse = response;
        if (response.Status == 202)
        {
            // The service may move us to a newer polling location.
            _pollingUri = PollingLocation.Get(response, _pollingUri) ?? _pollingUri;
            return response;
        }

        JobOperationResource resource = JobOperationResponses.Read(_pipeline, response, _id);
        if (resource.Status.ToString() is null)
        {
            // Without a status the operation could never be seen to end: waiting would poll until cancelled.
            throw ServiceFailure.Create(response, $"Service returned status {response.Status} for the training job operation {_id} with a body that carries no status.", "InvalidResponseBody");
        }

        if (JobOperationResponses.IsTerminal(resource.Status))
        {
            Complete(resource);
        }

        return response;
    }

    private void Complete(JobOperationResource resource)
    {
        _value = resource;
        _completed = true;
        if (!JobOperationResponses.IsSucceeded(resource.Status))
        {
            string detail = resource.Error?.Message ?? "no error details were returned";
            _failure = ServiceFailure.Create(
                _rawResponse?.Status ?? 200,
                $"The training job operation {_id}{(_jobName is null ? string.Empty : $" on job '{_jobName}'")} ended as '{resource.Status}': {detail}",
                resource.Error?.Code ?? resource.Status.ToString(),
                reasonPhrase: _rawResponse?.ReasonPhrase);
        }
    }
}
