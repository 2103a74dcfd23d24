using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A webhook event whose <c>type</c> this version of the SDK does not model: a newer fine-tuning event, or an event of
/// another API (<c>batch.completed</c>, <c>response.completed</c>, ...) delivered to the same endpoint. Its type,
/// <c>data</c> and every other property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back
/// unchanged.
/// </summary>
public sealed class UnknownFineTuningWebhookEvent : FineTuningWebhookEvent
{
    /// <summary>Creates an empty event; the SDK creates these when it reads an event of a type it does not model.</summary>
    [JsonConstructor]
    internal UnknownFineTuningWebhookEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "type") is string type ? new FineTuningWebhookEventType(type) : (FineTuningWebhookEventType?)null;
}
