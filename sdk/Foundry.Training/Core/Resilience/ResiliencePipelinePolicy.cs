using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Polly;

namespace Foundry.Training;

/// <summary>
/// Runs each call through the user's Polly <see cref="ResiliencePipeline{T}"/> (circuit breaker, timeout, hedging,
/// rate limiter, ...), outside the whole Azure.Core pipeline: a strategy sees one whole call, retries included, and
/// its result is the final <see cref="Response"/> (error statuses are results, not exceptions).
/// </summary>
/// <remarks>
/// Polly cancels an attempt through the token it hands to the callback, but a policy inside an
/// <see cref="HttpPipeline"/> cannot change <see cref="HttpMessage.CancellationToken"/>. So this policy is the only one
/// of an outer pipeline and sends every attempt through the wrapped pipeline with Polly's token, on a copy of the
/// request so that hedged attempts can run side by side. The winning attempt's response becomes the caller's.
/// A request that is not safe to repeat (<see cref="RetrySafety.CanResend"/>, for example an OpenAI job create) reaches
/// the service once per call: a second attempt a hedging or retry strategy asks for fails with
/// <see cref="InvalidOperationException"/> instead of creating a duplicate.
/// </remarks>
internal sealed class ResiliencePipelinePolicy : HttpPipelinePolicy
{
    private readonly ResiliencePipeline<Response> _resilience;
    private readonly HttpPipeline _next;

    private ResiliencePipelinePolicy(ResiliencePipeline<Response> resilience, HttpPipeline next)
    {
        _resilience = resilience;
        _next = next;
    }

    /// <summary>An outer pipeline that runs <paramref name="pipeline"/> under <paramref name="resilience"/>.</summary>
    /// <param name="pipeline">The complete Azure.Core pipeline (retries, authentication, logging, transport).</param>
    /// <param name="resilience">The user's strategies.</param>
    /// <param name="transport">The transport of <paramref name="pipeline"/>, so that requests created by the outer pipeline suit it; the outer pipeline never sends with it.</param>
    public static HttpPipeline Wrap(HttpPipeline pipeline, ResiliencePipeline<Response> resilience, HttpPipelineTransport transport) =>
        new(transport, new HttpPipelinePolicy[] { new ResiliencePipelinePolicy(resilience, pipeline) });

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        message.Response = _resilience.Execute(
            static (call, cancellationToken) => call.Policy.SendAttemptAsync(call, async: false, cancellationToken).EnsureCompleted(),
            new Call(this, message),
            message.CancellationToken);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        message.Response = await _resilience.ExecuteAsync(
            static (call, cancellationToken) => call.Policy.SendAttemptAsync(call, async: true, cancellationToken),
            new Call(this, message),
            message.CancellationToken).ConfigureAwait(false);

    private async ValueTask<Response> SendAttemptAsync(Call call, bool async, CancellationToken cancellationToken)
    {
        HttpMessage message = call.Message;
        if (Interlocked.Increment(ref call.Attempts) > 1 && !RetrySafety.CanResend(message))
        {
            throw new InvalidOperationException(
                $"The {message.Request.Method} request to '{message.Request.Uri.Path}' is not safe to send twice (it carries no " +
                "idempotency key), so the resilience pipeline's repeated attempt was refused. Scope hedging and retry " +
                "strategies to reads; ClientOptions.Retry already retries every request that is safe to repeat.");
        }

        HttpMessage attempt = Copy(message);
        try
        {
            if (async)
            {
                await _next.SendAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _next.Send(attempt, cancellationToken);
            }

            Response response = attempt.Response;
            attempt.Response = null!; // handed to the caller's message: disposing the attempt must not dispose it
            return response;
        }
        finally
        {
            attempt.Request.Content = null; // shared with the caller's request, which owns it
            attempt.Dispose();
        }
    }

    /// <summary>
    /// A new message with the same request. Message properties cannot be enumerated, so the ones this library sets
    /// (<see cref="RetrySafety"/>) are carried over by name.
    /// </summary>
    private HttpMessage Copy(HttpMessage message)
    {
        HttpMessage copy = _next.CreateMessage();
        Request source = message.Request;
        Request target = copy.Request;
        target.Method = source.Method;
        target.Uri.Scheme = source.Uri.Scheme;
        target.Uri.Host = source.Uri.Host;
        target.Uri.Port = source.Uri.Port;
        target.Uri.Path = source.Uri.Path;
        target.Uri.Query = source.Uri.Query;
        foreach (HttpHeader header in source.Headers)
        {
            target.Headers.SetValue(header.Name, header.Value);
        }

        target.ClientRequestId = source.ClientRequestId;
        target.Content = source.Content;
        copy.ResponseClassifier = message.ResponseClassifier;
        copy.BufferResponse = message.BufferResponse;
        copy.NetworkTimeout = message.NetworkTimeout;
        RetrySafety.CopyMarks(message, copy);

        return copy;
    }

    /// <summary>One call through the resilience pipeline: the caller's message and how many attempts it has started.</summary>
    private sealed class Call
    {
        public int Attempts;

        public Call(ResiliencePipelinePolicy policy, HttpMessage message)
        {
            Policy = policy;
            Message = message;
        }

        public ResiliencePipelinePolicy Policy { get; }

        public HttpMessage Message { get; }
    }
}
