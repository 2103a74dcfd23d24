using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Decides whether a request may be sent a second time. Reads and idempotent writes (GET, HEAD, OPTIONS, PUT, DELETE)
/// always may; any other request (a POST creating something) only when a repeat cannot create a duplicate: it carries
/// an <c>Operation-Id</c> idempotency key (Foundry creates) or its client marked it safe.
/// </summary>
internal static class RetrySafety
{
    /// <summary>The Foundry idempotency-key header: the service runs a create at most once per value.</summary>
    public const string OperationIdHeader = "Operation-Id";

    /// <summary>Marks a request whose repetition is harmless (for example a cancel, which the service treats as idempotent).</summary>
    public static void MarkSafe(HttpMessage message)
    {
        Argument.AssertNotNull(message, nameof(message));
        message.SetProperty(typeof(RetrySafety), true);
    }

    /// <summary>Whether <see cref="MarkSafe"/> was called for the message.</summary>
    public static bool IsMarkedSafe(HttpMessage message) =>
        message.TryGetProperty(typeof(RetrySafety), out object? value) && value is true;

    /// <summary>Whether sending the request again cannot have an effect the caller did not ask for.</summary>
    public static bool CanResend(HttpMessage message)
    {
        RequestMethod method = message.Request.Method;
        return method == RequestMethod.Get || method == RequestMethod.Head || method == RequestMethod.Options ||
            method == RequestMethod.Put || method == RequestMethod.Delete ||
            message.Request.Headers.Contains(OperationIdHeader) || IsMarkedSafe(message);
    }
}
