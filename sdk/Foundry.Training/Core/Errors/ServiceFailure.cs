using System;
using System.Globalization;
using System.Text;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Builds the <see cref="RequestFailedException"/>s the SDK raises itself (a long-running operation or a job that
/// failed, a body that breaks the contract, an unsafe artifact path) with a message shaped like Azure.Core's own for a
/// failed call: the description, then <c>Status: 200 (OK)</c> and <c>ErrorCode: code</c> lines. A log that prints
/// <see cref="Exception.Message"/> or <see cref="Exception.ToString"/> then shows the service's code, whichever way the
/// failure came. Only status, reason phrase and code are added: never a header, a URL or a body.
/// </summary>
internal static class ServiceFailure
{
    /// <summary>An exception whose message ends with the status (unless it is 0, no response) and the error code (if any).</summary>
    public static RequestFailedException Create(int status, string message, string? errorCode, Exception? innerException = null, string? reasonPhrase = null) =>
        new(status, Describe(message, status, errorCode, reasonPhrase), errorCode, innerException);

    /// <summary>
    /// A failure the client found in a response although its status is a success (a body that is not what the contract
    /// promises, a polling URL that is not HTTP, a list that never ends): the response's status, an error code, and the
    /// service's request id in the message and in <c>Data["RequestId"]</c>.
    /// </summary>
    public static RequestFailedException Create(Response response, string message, string errorCode, Exception? innerException = null)
    {
        string? requestId = ServiceErrorParser.GetRequestId(response);
        RequestFailedException exception = Create(
            response.Status,
            requestId is null ? message : $"{message} (request id {requestId})",
            errorCode,
            innerException,
            response.ReasonPhrase);
        if (requestId is not null)
        {
            exception.Data[ServiceErrorParser.RequestIdKey] = requestId;
        }

        return exception;
    }

    /// <summary>The message of <see cref="Create(int, string, string?, Exception?, string?)"/>, for exceptions that derive from <see cref="RequestFailedException"/>.</summary>
    public static string Describe(string message, int status, string? errorCode, string? reasonPhrase = null)
    {
        var text = new StringBuilder(message);
        if (status != 0)
        {
            text.Append(Environment.NewLine).Append("Status: ").Append(status.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(reasonPhrase))
            {
                text.Append(" (").Append(reasonPhrase).Append(')');
            }
        }

        if (!string.IsNullOrWhiteSpace(errorCode))
        {
            text.Append(Environment.NewLine).Append("ErrorCode: ").Append(errorCode);
        }

        return text.ToString();
    }
}
