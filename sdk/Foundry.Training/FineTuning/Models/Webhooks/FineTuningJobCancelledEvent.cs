using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Sent when a fine-tuning job has been cancelled (<c>fine_tuning.job.cancelled</c>).</summary>
public sealed class FineTuningJobCancelledEvent : FineTuningJobWebhookEvent
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobCancelledEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobCancelled;
}
