using System;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// The retry policy of every client (installed as <see cref="ClientOptions.RetryPolicy"/> by the options' constructors).
/// <list type="bullet">
/// <item>Retries 408, 429, 500, 502, 503 and 504 responses and transport failures (connection errors, network
/// timeouts; never the caller's cancellation), at most <see cref="RetryOptions.MaxRetries"/> times.</item>
/// <item><c>x-should-retry: false</c> (OpenAI) forbids a retry; <c>x-should-retry: true</c> asks for one whatever the status.</item>
/// <item>Requests that are not idempotent (a POST) are sent again only when <see cref="RetrySafety.MayResendAfter"/> says
/// the failed attempt cannot have taken effect: the service refused it (429, <c>x-should-retry: true</c>; for a file
/// upload also a 5xx with <c>Retry-After</c>) or it never reached the service whole. After an ambiguous failure the last
/// failure surfaces.</item>
/// <item>Waits the longer of the backoff (<see cref="RetryBackoff"/>) and what the service asks for (<c>retry-after-ms</c>,
/// <c>x-ms-retry-after-ms</c>, <c>Retry-After</c> in seconds or as an HTTP date), and never longer than
/// <see cref="RetryOptions.MaxDelay"/>, not even when the service asks for more.</item>
/// </list>
/// It overrides the whole loop of Azure.Core's <see cref="RetryPolicy"/> because the base class always waits for the
/// full <c>Retry-After</c>, cannot be given a clock, and ends with an <see cref="AggregateException"/>; here the last
/// failure surfaces as itself, a transport error always as <see cref="RequestFailedException"/> (status 0), including a
/// response body cut short, which Azure.Core leaves as a raw <see cref="IOException"/>.
/// </summary>
internal sealed class ServiceRetryPolicy : RetryPolicy
{
    /// <summary>The longest single wait a timer accepts (about 24.8 days).</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly RetryOptions _options;
    private readonly DelayStrategy _backoff;
    private readonly TimeProvider _time;

    /// <param name="options">Read on every retry, so later changes to the client options take effect.</param>
    /// <param name="backoff">The client-side backoff; <see cref="RetryBackoff"/> when null. It is asked without the response, the server's wish is applied here.</param>
    /// <param name="timeProvider">The clock for HTTP-date <c>Retry-After</c> values and for waiting (tests substitute one).</param>
    public ServiceRetryPolicy(RetryOptions options, DelayStrategy? backoff = null, TimeProvider? timeProvider = null)
        : base(options?.MaxRetries ?? 0, backoff ??= new RetryBackoff(options!))
    {
        Argument.AssertNotNull(options, nameof(options));
        _options = options!;
        _backoff = backoff;
        _time = timeProvider ?? TimeProvider.System;
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    /// <summary>The wait before retry <paramref name="retryNumber"/> (1 for the first retry) after <paramref name="response"/> (null after a transport failure).</summary>
    public TimeSpan GetDelay(Response? response, int retryNumber)
    {
        TimeSpan delay = _backoff.GetNextDelay(null, retryNumber);
        TimeSpan? requested = response is null ? null : RetryAfter.GetDelay(response, _time.GetUtcNow());
        if (requested > delay)
        {
            delay = requested.Value;
        }

        TimeSpan cap = _options.MaxDelay < LongestWait ? _options.MaxDelay : LongestWait;
        return delay > cap ? cap : delay;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        message.ProcessingContext.RetryNumber < _options.MaxRetries &&
        (exception is null ? IsRetriableResponse(message) : IsTransportFailure(message, exception)) &&
        RetrySafety.MayResendAfter(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        new(ShouldRetry(message, exception));

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        MessageProcessingContext context = message.ProcessingContext;
        context.RetryNumber = 0;
        while (true)
        {
            Exception? failure = null;
            try
            {
                if (async)
                {
                    await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                }
                else
                {
                    ProcessNext(message, pipeline);
                }
            }
#pragma warning disable CA1031 // Every failure is classified below and rethrown unless it is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            bool failed = failure is not null || message.Response.IsError;
            bool retry = failed && (async ? await ShouldRetryAsync(message, failure).ConfigureAwait(false) : ShouldRetry(message, failure));
            if (!retry)
            {
                if (failure is IOException or HttpRequestException)
                {
                    // Azure.Core wraps a failure to send (RequestFailedException, status 0) but not one while buffering
                    // the body (a response cut short): both surface the same way.
                    throw new RequestFailedException(failure.Message, failure);
                }

                if (failure is not null)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                return;
            }

            TimeSpan delay = GetDelay(failure is null ? message.Response : null, context.RetryNumber + 1);
            if (message.HasResponse)
            {
                message.Response.ContentStream?.Dispose(); // frees the connection while we wait
            }

            await Delay.WaitAsync(delay, _time, async, message.CancellationToken).ConfigureAwait(false);
            context.RetryNumber++;
        }
    }

    private static bool IsRetriableResponse(HttpMessage message)
    {
        Response response = message.Response;
        return RetrySafety.ServiceSaysRetry(response) ?? RetrySafety.IsTransientStatus(response.Status);
    }

    private static bool IsTransportFailure(HttpMessage message, Exception exception) => exception switch
    {
        // A network timeout, unless the caller (or a Polly strategy around the call) cancelled.
        OperationCanceledException => !message.CancellationToken.IsCancellationRequested,
        IOException or HttpRequestException => true,
        RequestFailedException { Status: 0 } => true, // Azure.Core's wrapper for HttpRequestException
        _ => false,
    };
}
