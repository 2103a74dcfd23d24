using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The payload of a fine-tuning job event (<c>data</c>): the job it is about.</summary>
public sealed class FineTuningJobWebhookEventData : ExtensibleModel<FineTuningJobWebhookEventData>
{
    /// <summary>Creates an empty payload; the SDK reads it from webhooks, and <see cref="FineTuningModelFactory"/> builds it for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobWebhookEventData()
    {
    }

    /// <summary>The id of the fine-tuning job. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }
}
