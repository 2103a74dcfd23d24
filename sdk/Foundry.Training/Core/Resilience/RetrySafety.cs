using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// The one place that decides what a failed request may have done on the service, and so whether it may be sent
/// again. Reads and idempotent writes (GET, HEAD, OPTIONS, PUT, DELETE), requests with an <c>Operation-Id</c>
/// idempotency key (Foundry creates) and requests their client marked safe may always be repeated. Any other request
/// (a POST that creates something) is repeated only when it cannot have taken effect: the service refused it (429 or
/// <c>x-should-retry: true</c>), or it never reached the service whole (connection refused, host not found, or a
/// tracked body cut off while it was being sent). A request whose duplicate would only be a spare copy (a file upload)
/// may also be repeated after a 5xx that asks to be retried later (<c>Retry-After</c>). Every other failure is
/// ambiguous: the service may have done the work, and the caller (<see cref="MayHaveTakenEffect"/>) decides what to do.
/// </summary>
internal static class RetrySafety
{
    /// <summary>The Foundry idempotency-key header: the service runs a create at most once per value.</summary>
    public const string OperationIdHeader = "Operation-Id";

    /// <summary>What a request's client said about repeating it, beyond what its method says.</summary>
    private enum Mark
    {
        /// <summary>A 5xx with <c>Retry-After</c> counts as a refusal: a duplicate would be a spare copy, not a second run.</summary>
        ResendableOnRetryAfter = 1,

        /// <summary>Any repeat is harmless (a state change such as a cancel: the second one changes nothing).</summary>
        Safe = 2,
    }

    /// <summary>Marks a request whose repetition is harmless (a state change such as a cancel: the second one changes nothing).</summary>
    public static void MarkSafe(HttpMessage message) => SetMark(message, Mark.Safe);

    /// <summary>
    /// Marks a create whose duplicate would only be a spare copy (a file, not a training run), so that a 5xx asking to
    /// be retried later (<c>Retry-After</c>, <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>) is taken as a refusal.
    /// </summary>
    public static void MarkResendableOnRetryAfter(HttpMessage message) => SetMark(message, Mark.ResendableOnRetryAfter);

    /// <summary>Gives <paramref name="copy"/> the marks of <paramref name="message"/> (message properties cannot be enumerated).</summary>
    public static void CopyMarks(HttpMessage message, HttpMessage copy)
    {
        if (GetMark(message) is Mark mark)
        {
            SetMark(copy, mark);
        }
    }

    /// <summary>Whether sending the request again can never have an effect the caller did not ask for, whatever the first attempt did.</summary>
    public static bool CanResend(HttpMessage message)
    {
        RequestMethod method = message.Request.Method;
        return method == RequestMethod.Get || method == RequestMethod.Head || method == RequestMethod.Options ||
            method == RequestMethod.Put || method == RequestMethod.Delete ||
            message.Request.Headers.Contains(OperationIdHeader) || IsMarkedSafe(message);
    }

    /// <summary>
    /// Whether the request may be sent again after a transient failure: an error response (<paramref name="failure"/>
    /// null, the response is <see cref="HttpMessage.Response"/>) or a transport failure. A body that cannot be replayed
    /// is never sent twice.
    /// </summary>
    public static bool MayResendAfter(HttpMessage message, Exception? failure)
    {
        if (message.Request.Content is ITrackedRequestContent { IsReplayable: false })
        {
            return false;
        }

        if (CanResend(message))
        {
            return true;
        }

        return failure is null ? ServiceRefused(message) : NeverReachedTheService(message, failure);
    }

    /// <summary>
    /// Whether a request that failed with <paramref name="failure"/> may nevertheless have done its work on the service:
    /// a transient error status the service did not mark as a refusal (408, 500, 502, 503 or 504, as from a gateway whose
    /// backend went quiet; see <see cref="ServiceRefused"/>), or a transport failure after the request was
    /// sent whole (a connection reset or a timeout while waiting for the response, a response cut short). The caller's
    /// own cancellation is not ambiguous: the caller asked to stop.
    /// </summary>
    public static bool MayHaveTakenEffect(HttpMessage message, Exception failure)
    {
        if (message.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (failure is RequestFailedException { Status: > 0 } error)
        {
            return message.HasResponse && message.Response.Status == error.Status &&
                IsTransientStatus(error.Status) && !ServiceRefused(message);
        }

        return failure is RequestFailedException or IOException or HttpRequestException or OperationCanceledException &&
            !NeverReachedTheService(message, failure);
    }

    /// <summary>The statuses a retry may cure; 429 aside, the service may have done some work before answering them.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>OpenAI's <c>x-should-retry</c> header: true or false when the service says, null when it does not.</summary>
    public static bool? ServiceSaysRetry(Response response) =>
        response.Headers.TryGetValue("x-should-retry", out string? value) && bool.TryParse(value, out bool retry) ? retry : null;

    /// <summary>
    /// The service said it did no work: 429 (throttled before anything ran), <c>x-should-retry: true</c>, or, for a
    /// request marked <see cref="MarkResendableOnRetryAfter"/>, a 5xx asking to be retried later.
    /// </summary>
    private static bool ServiceRefused(HttpMessage message)
    {
        Response response = message.Response;
        return ServiceSaysRetry(response) ?? (response.Status == 429 ||
            (response.Status >= 500 && GetMark(message) == Mark.ResendableOnRetryAfter && RetryAfter.GetDelay(response, DateTimeOffset.UtcNow) is not null));
    }

    /// <summary>
    /// The request cannot have reached the service whole: no connection was made (refused, or the host name did not
    /// resolve), or a tracked body was cut off while it was being sent.
    /// </summary>
    private static bool NeverReachedTheService(HttpMessage message, Exception failure)
    {
        if (message.Request.Content is ITrackedRequestContent { WasSentWhole: false })
        {
            return true;
        }

        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
            {
                return true;
            }
        }

        return false;
    }

    private static void SetMark(HttpMessage message, Mark mark)
    {
        Argument.AssertNotNull(message, nameof(message));
        message.SetProperty(typeof(RetrySafety), mark);
    }

    private static Mark? GetMark(HttpMessage message) =>
        message.TryGetProperty(typeof(RetrySafety), out object? value) && value is Mark mark ? mark : null;

    /// <summary>Whether <see cref="MarkSafe"/> was called for the message.</summary>
    private static bool IsMarkedSafe(HttpMessage message) => GetMark(message) == Mark.Safe;
}
