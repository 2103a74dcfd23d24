using System.ClientModel.Primitives;
using System.Text.Json.Serialization;
using System.Text.Json;
using System;

namespace Foundry.Training.FineTuning;

/// <summary>Sent when a fine-tuning job has been cancelled (<c>fine_tuning.job.cancelled</c>).</summary>
public sealed class FineTuningJobCancelledEvent : FineTuningJobWebhookEvent, IJsonModel<FineTuningJobCancelledEvent>
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobCancelledEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobCancelled;

    void IJsonModel<FineTuningJobCancelledEvent>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    FineTuningJobCancelledEvent? IJsonModel<FineTuningJobCancelledEvent>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobCancelledEvent>(ref reader, options);

    BinaryData IPersistableModel<FineTuningJobCancelledEvent>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    FineTuningJobCancelledEvent? IPersistableModel<FineTuningJobCancelledEvent>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobCancelledEvent>(data, options);

    string IPersistableModel<FineTuningJobCancelledEvent>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
