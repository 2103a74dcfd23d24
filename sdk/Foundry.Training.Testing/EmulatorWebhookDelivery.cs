using System;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>
/// One attempt of the <see cref="FoundryTrainingEmulator"/> to deliver a webhook event to
/// <see cref="FoundryTrainingEmulatorOptions.WebhookUrl"/>, for assertions in tests (see
/// <see cref="FoundryTrainingEmulator.WebhookDeliveries"/>).
/// </summary>
public sealed class EmulatorWebhookDelivery
{
    internal EmulatorWebhookDelivery(string eventId, string eventType, int attempt, DateTimeOffset timestamp, int? statusCode, string? error, string body)
    {
        EventId = eventId;
        EventType = eventType;
        Attempt = attempt;
        Timestamp = timestamp;
        StatusCode = statusCode;
        Error = error;
        Body = body;
    }

    /// <summary>The event's id, sent as the <c>webhook-id</c> header too: the same on every attempt.</summary>
    public string EventId { get; }

    /// <summary>The event's type, for example <c>fine_tuning.job.succeeded</c>.</summary>
    public string EventType { get; }

    /// <summary>Which attempt this was, from 1.</summary>
    public int Attempt { get; }

    /// <summary>When the attempt was signed (its <c>webhook-timestamp</c>), by the emulator's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The status the receiver answered with; null when it could not be reached or did not answer in time.</summary>
    public int? StatusCode { get; }

    /// <summary>Why the receiver could not be reached; null when it answered.</summary>
    public string? Error { get; }

    /// <summary>The JSON body sent, the same on every attempt.</summary>
    public string Body { get; }

    /// <summary>Whether the receiver acknowledged the event with a 2xx status; if not, a later attempt may follow.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The event, attempt and outcome, for test output: <c>fine_tuning.job.succeeded evt_… #1 → 200</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        EventType + " " + EventId + " #" + Attempt.ToString(CultureInfo.InvariantCulture) + " → " + (StatusCode?.ToString(CultureInfo.InvariantCulture) ?? Error);
}
