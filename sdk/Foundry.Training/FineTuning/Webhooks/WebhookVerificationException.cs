using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Thrown by <see cref="WebhookVerifier"/> when a webhook request cannot be trusted or read: a header is missing or
/// malformed, its timestamp is outside the tolerance, no signature matches, or the signed body is not an event.
/// Answer such a request with <c>400 Bad Request</c> (or <c>401</c>) and do not act on it. The message says what was
/// wrong; it never contains the secret or the signatures.
/// </summary>
public class WebhookVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the request.</param>
    public WebhookVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="message">What was wrong with the request.</param>
    /// <param name="innerException">The cause, for example the <see cref="System.Text.Json.JsonException"/> of an unreadable body.</param>
    public WebhookVerificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
