using System.ClientModel.Primitives;
using System.Text.Json.Serialization;
using System.Text.Json;
using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Sent when a fine-tuning job has succeeded (<c>fine_tuning.job.succeeded</c>): its fine-tuned model is ready. Read the
/// job (<see cref="FineTuningClient.GetJobAsync"/>) for <see cref="FineTuningJob.FineTunedModel"/> and its result files.
/// </summary>
public sealed class FineTuningJobSucceededEvent : FineTuningJobWebhookEvent, IJsonModel<FineTuningJobSucceededEvent>
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobSucceededEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobSucceeded;

    void IJsonModel<FineTuningJobSucceededEvent>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    FineTuningJobSucceededEvent? IJsonModel<FineTuningJobSucceededEvent>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobSucceededEvent>(ref reader, options);

    BinaryData IPersistableModel<FineTuningJobSucceededEvent>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    FineTuningJobSucceededEvent? IPersistableModel<FineTuningJobSucceededEvent>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobSucceededEvent>(data, options);

    string IPersistableModel<FineTuningJobSucceededEvent>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
