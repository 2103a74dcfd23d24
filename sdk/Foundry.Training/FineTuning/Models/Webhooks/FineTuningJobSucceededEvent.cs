using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Sent when a fine-tuning job has succeeded (<c>fine_tuning.job.succeeded</c>): its fine-tuned model is ready. Read the
/// job (<see cref="FineTuningClient.GetJobAsync"/>) for <see cref="FineTuningJob.FineTunedModel"/> and its result files.
/// </summary>
public sealed class FineTuningJobSucceededEvent : FineTuningJobWebhookEvent
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobSucceededEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobSucceeded;
}
