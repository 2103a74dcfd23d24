using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Sent when a fine-tuning job has failed (<c>fine_tuning.job.failed</c>). Read the job
/// (<see cref="FineTuningClient.GetJobAsync"/>) for why: <see cref="FineTuningJob.Error"/>.
/// </summary>
public sealed class FineTuningJobFailedEvent : FineTuningJobWebhookEvent
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobFailedEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobFailed;
}
