using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An event about a fine-tuning job: <see cref="FineTuningJobSucceededEvent"/>, <see cref="FineTuningJobFailedEvent"/>
/// or <see cref="FineTuningJobCancelledEvent"/>. Its <see cref="Data"/> names the job.
/// </summary>
public abstract class FineTuningJobWebhookEvent : FineTuningWebhookEvent
{
    private protected FineTuningJobWebhookEvent()
    {
    }

    /// <summary>The event's payload: the job it is about. (<c>data</c>)</summary>
    [JsonPropertyName("data")]
    [JsonInclude]
    public FineTuningJobWebhookEventData? Data { get; internal set; }

    /// <summary>The id of the job (<c>data.id</c>, for example <c>ftjob-abc123</c>); empty when the service sent none.</summary>
    [JsonIgnore]
    public string JobId => Data?.Id ?? string.Empty;
}
