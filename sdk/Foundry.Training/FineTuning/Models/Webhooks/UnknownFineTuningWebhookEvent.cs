using System.ClientModel.Primitives;
using System.Text.Json.Serialization;
using System.Text.Json;
using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A webhook event whose <c>type</c> this version of the SDK does not model: a newer fine-tuning event, or an event of
/// another API (<c>batch.completed</c>, <c>response.completed</c>, ...) delivered to the same endpoint. Its type,
/// <c>data</c> and every other property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back
/// unchanged.
/// </summary>
public sealed class UnknownFineTuningWebhookEvent : FineTuningWebhookEvent, IJsonModel<UnknownFineTuningWebhookEvent>
{
    /// <summary>Creates an empty event; the SDK creates these when it reads an event of a type it does not model.</summary>
    [JsonConstructor]
    internal UnknownFineTuningWebhookEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "type") is string type ? new FineTuningWebhookEventType(type) : (FineTuningWebhookEventType?)null;

    void IJsonModel<UnknownFineTuningWebhookEvent>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownFineTuningWebhookEvent? IJsonModel<UnknownFineTuningWebhookEvent>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownFineTuningWebhookEvent>(ref reader, options);

    BinaryData IPersistableModel<UnknownFineTuningWebhookEvent>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownFineTuningWebhookEvent? IPersistableModel<UnknownFineTuningWebhookEvent>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownFineTuningWebhookEvent>(data, options);

    string IPersistableModel<UnknownFineTuningWebhookEvent>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
