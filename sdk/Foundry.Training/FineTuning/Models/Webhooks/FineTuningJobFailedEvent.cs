using System.ClientModel.Primitives;
using System.Text.Json.Serialization;
using System.Text.Json;
using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Sent when a fine-tuning job has failed (<c>fine_tuning.job.failed</c>). Read the job
/// (<see cref="FineTuningClient.GetJobAsync"/>) for why: <see cref="FineTuningJob.Error"/>.
/// </summary>
public sealed class FineTuningJobFailedEvent : FineTuningJobWebhookEvent, IJsonModel<FineTuningJobFailedEvent>
{
    /// <summary>Creates an empty event; the SDK reads them from webhooks, and <see cref="FineTuningModelFactory"/> builds them for tests.</summary>
    [JsonConstructor]
    internal FineTuningJobFailedEvent()
    {
    }

    private protected override FineTuningWebhookEventType? TypeValue => FineTuningWebhookEventType.FineTuningJobFailed;

    void IJsonModel<FineTuningJobFailedEvent>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    FineTuningJobFailedEvent? IJsonModel<FineTuningJobFailedEvent>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobFailedEvent>(ref reader, options);

    BinaryData IPersistableModel<FineTuningJobFailedEvent>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    FineTuningJobFailedEvent? IPersistableModel<FineTuningJobFailedEvent>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<FineTuningJobFailedEvent>(data, options);

    string IPersistableModel<FineTuningJobFailedEvent>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
