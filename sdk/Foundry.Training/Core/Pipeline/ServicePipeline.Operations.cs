using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Calls of the operation tables' operations: the one place that opens an operation's span, builds its request from
/// the table, sends it (errors become <see cref="RequestFailedException"/>), reads the answer and marks the span
/// failed when anything throws.
/// </summary>
internal sealed partial class ServicePipeline
{
    /// <summary>A request for <paramref name="operation"/> at <paramref name="path"/> (from <see cref="ServiceOperation.Path"/>).</summary>
    /// <exception cref="NotSupportedException">The service behind this pipeline has no <paramref name="operation"/>.</exception>
    public HttpMessage CreateRequest(ServiceOperation operation, string path)
    {
        AssertServed(operation);
        return CreateRequest(operation.RequestMethod, path);
    }

    /// <summary>
    /// Fails before any request when the service behind this pipeline has no <paramref name="operation"/>, as its
    /// table's versions column says: the other service's answer (often a 404) would not say what went wrong.
    /// </summary>
    /// <param name="operation">The operation about to be called.</param>
    /// <param name="unavailable">What the API is, where it exists and what to do instead; when null, a message naming the operation and the services that have it.</param>
    /// <exception cref="NotSupportedException">The service has no such operation.</exception>
    public void AssertServed(ServiceOperation operation, string? unavailable = null)
    {
        if (!operation.IsIn(Serves))
        {
            throw new NotSupportedException(unavailable ??
                $"{operation.Name} ({operation.Method} {operation.Route.Text}) is an operation of {operation.Versions.Describe()}; {Serves.Describe()} has no such route.");
        }
    }

    /// <summary>
    /// Calls <paramref name="operation"/> at <paramref name="path"/> inside its span: <paramref name="prepare"/> adds the
    /// query, headers and body, <paramref name="read"/> turns the successful response into the result (and may tag the span).
    /// </summary>
    /// <param name="operation">The table's operation (method, span name).</param>
    /// <param name="path">The escaped path, built before the span so that bad arguments fail before anything starts.</param>
    /// <param name="prepare">Adds what the table's route does not carry; null for nothing.</param>
    /// <param name="read">Reads the response of the message; it owns the message's content if it extracts it.</param>
    /// <param name="jobName">The job the span is about, or null.</param>
    /// <param name="id">The id the span is about, or null.</param>
    /// <param name="async">Whether to send asynchronously.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="recover">
    /// Given the message and the failure, finds the result another way (a create whose outcome is unknown looks for
    /// what it created), or returns null to let the failure surface; null for none.
    /// </param>
    public ValueTask<TResult> CallAsync<TResult>(ServiceOperation operation, string path, Action<HttpMessage>? prepare, Func<HttpMessage, OperationScope, TResult> read, string? jobName, string? id, bool async, CancellationToken cancellationToken, Func<HttpMessage, Exception, OperationScope, ValueTask<TResult?>>? recover = null) =>
        CallAsync(operation, path, prepare, read, static (message, scope, read) => read(message, scope), jobName, id, async, cancellationToken, recover);

    /// <summary>
    /// As <see cref="CallAsync{TResult}"/>, with <paramref name="state"/> handed to a <paramref name="read"/> that can
    /// so be static: the common calls allocate no closure per call.
    /// </summary>
    private async ValueTask<TResult> CallAsync<TState, TResult>(ServiceOperation operation, string path, Action<HttpMessage>? prepare, TState state, Func<HttpMessage, OperationScope, TState, TResult> read, string? jobName, string? id, bool async, CancellationToken cancellationToken, Func<HttpMessage, Exception, OperationScope, ValueTask<TResult?>>? recover = null)
    {
        using HttpMessage message = CreateRequest(operation, path); // before the span: an operation the service lacks starts none
        using OperationScope scope = OperationScope.Start(operation.Name, jobName, id);
        try
        {
            prepare?.Invoke(message);
            await SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            return read(message, scope, state);
        }
        catch (Exception ex)
        {
            TResult? recovered = default;
            try
            {
                recovered = recover is null ? default : await recover(message, ex, scope).ConfigureAwait(false);
            }
            catch (Exception recoveryFailure)
            {
                scope.Failed(recoveryFailure);
                throw;
            }

            if (recovered is not null)
            {
                return recovered;
            }

            scope.Failed(ex);
            throw;
        }
    }

    /// <summary>Calls <paramref name="operation"/> and reads its JSON body as <typeparamref name="T"/>; <paramref name="tag"/> adds the value's status or id to the span.</summary>
    public ValueTask<Response<T>> CallForValueAsync<T>(ServiceOperation operation, string path, Action<HttpMessage>? prepare, string? jobName, string? id, bool async, CancellationToken cancellationToken, Action<OperationScope, T>? tag = null) =>
        CallAsync(
            operation,
            path,
            prepare,
            (Pipeline: this, Tag: tag),
            static (message, scope, state) => state.Pipeline.ReadValue(message, scope, state.Tag),
            jobName,
            id,
            async,
            cancellationToken);

    /// <summary>
    /// As <see cref="CallForValueAsync{T}"/>, for a request whose 404 is an answer ("not there", "not there yet"), not a
    /// failure: a response without a value then, and Azure.Core neither logs it as an error response nor does the span
    /// fail (<see cref="ExpectedStatusClassifier"/>). Every other failure still throws <see cref="RequestFailedException"/>.
    /// </summary>
    public ValueTask<NullableResponse<T>> CallForValueOrNotFoundAsync<T>(ServiceOperation operation, string path, string? jobName, string? id, bool async, CancellationToken cancellationToken, Action<OperationScope, T>? tag = null) =>
        CallAsync<(ServicePipeline Pipeline, Action<OperationScope, T>? Tag), NullableResponse<T>>(
            operation,
            path,
            static message => ExpectedStatusClassifier.Apply(message, 404),
            (this, tag),
            static (message, scope, state) => message.Response.Status == 404
                ? new NoValueResponse<T>(message.Response)
                : state.Pipeline.ReadValue(message, scope, state.Tag),
            jobName,
            id,
            async,
            cancellationToken);

    /// <summary>Reads the successful response's JSON body as <typeparamref name="T"/>; <paramref name="tag"/> adds the value's status or id to the span.</summary>
    private Response<T> ReadValue<T>(HttpMessage message, OperationScope scope, Action<OperationScope, T>? tag)
    {
        T value = Read(message.Response, ModelSerialization.GetTypeInfo<T>(Json));
        tag?.Invoke(scope, value);
        return Response.FromValue(value, message.Response);
    }

    /// <summary>Calls <paramref name="operation"/> for its status alone (a delete): the raw response.</summary>
    public ValueTask<Response> CallForResponseAsync(ServiceOperation operation, string path, string? id, bool async, CancellationToken cancellationToken) =>
        CallAsync(operation, path, null, static (message, _) => message.Response, null, id, async, cancellationToken);

    /// <summary>
    /// Calls <paramref name="operation"/> for its body as a stream read as it arrives (the caller disposes it). With
    /// <paramref name="resume"/>, a body whose server advertised ranges and a version resumes after a break
    /// (<see cref="ResumableDownloadStream"/>); <paramref name="name"/> and <paramref name="kind"/> then name the file in its errors.
    /// </summary>
    public ValueTask<Response<System.IO.Stream>> CallForStreamAsync(ServiceOperation operation, string path, string accept, Action<HttpMessage>? prepare, string? jobName, string? id, bool async, CancellationToken cancellationToken, RangeReader? resume = null, string? name = null, string kind = "Artifact") =>
        CallAsync(
            operation,
            path,
            message =>
            {
                prepare?.Invoke(message);
                message.Request.Headers.SetValue(HttpHeader.Names.Accept, accept);
                message.BufferResponse = false;
            },
            (Resume: resume, Name: name ?? path, Kind: kind),
            static (message, _, state) =>
            {
                System.IO.Stream body = message.ExtractResponseContent() ?? new System.IO.MemoryStream(Array.Empty<byte>(), writable: false);
                if (state.Resume is not null)
                {
                    body = ResumableDownloadStream.Wrap(message.Response, body, state.Resume, message.Request.Uri.ToUri(), state.Name, state.Kind);
                }

                return Response.FromValue(body, message.Response);
            },
            jobName,
            id,
            async,
            cancellationToken);
}
