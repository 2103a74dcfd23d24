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

    /// <summary>The message of <see cref="Create"/>, for exceptions that derive from <see cref="RequestFailedException"/>.</summary>
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
