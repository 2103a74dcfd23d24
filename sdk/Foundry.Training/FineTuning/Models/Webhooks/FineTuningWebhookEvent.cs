using System;
using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An event the OpenAI platform pushes to a webhook endpoint, as <see cref="WebhookVerifier.Unwrap(Func{string, string?}, BinaryData)"/>
/// returns it once its signature is verified. A polymorphic family on <c>type</c>:
/// <see cref="FineTuningJobSucceededEvent"/>, <see cref="FineTuningJobFailedEvent"/>,
/// <see cref="FineTuningJobCancelledEvent"/>, and <see cref="UnknownFineTuningWebhookEvent"/> for any other event
/// (a newer fine-tuning event, or an event of another API, such as <c>batch.completed</c>, sent to the same endpoint),
/// which keeps the whole payload.
/// </summary>
/// <remarks>
/// The platform may deliver an event more than once (it retries until the endpoint answers with a 2xx status, with the
/// same <see cref="Id"/> and <c>webhook-id</c>): use <see cref="Id"/> to handle each event once. The event says what
/// happened, not the job's details: read the job with <see cref="FineTuningClient.GetJobAsync"/>.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FineTuningJobSucceededEvent), "fine_tuning.job.succeeded")]
[JsonDerivedType(typeof(FineTuningJobFailedEvent), "fine_tuning.job.failed")]
[JsonDerivedType(typeof(FineTuningJobCancelledEvent), "fine_tuning.job.cancelled")]
[JsonDerivedType(typeof(UnknownFineTuningWebhookEvent))]
[PersistableModelProxy(typeof(PolymorphicModelReader<FineTuningWebhookEvent>))]
public abstract class FineTuningWebhookEvent : ExtensibleModel<FineTuningWebhookEvent>
{
    private protected FineTuningWebhookEvent()
    {
    }

    /// <summary>What happened (the <c>type</c> discriminator); null only for an unknown event sent without a string type.</summary>
    [JsonIgnore]
    public FineTuningWebhookEventType? Type => TypeValue;

    /// <summary>The unique id of the event, the same on every delivery of it (<c>id</c>, for example <c>evt_abc123</c>).</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>The object type, always <c>event</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>When it happened: for a fine-tuning job, when the job succeeded, failed or was cancelled. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    private protected abstract FineTuningWebhookEventType? TypeValue { get; }
}
