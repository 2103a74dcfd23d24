using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// Job properties whose <c>job_type</c> this version of the SDK does not know (or that have none). The discriminator
/// and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownJobProperties : JobProperties, IJsonModel<UnknownJobProperties>
{
    [JsonConstructor]
    internal UnknownJobProperties()
    {
    }

    private protected override JobType? JobTypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "job_type") is string value ? new JobType(value) : default(JobType?);

    void IJsonModel<UnknownJobProperties>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownJobProperties? IJsonModel<UnknownJobProperties>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownJobProperties>(ref reader, options);

    BinaryData IPersistableModel<UnknownJobProperties>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownJobProperties? IPersistableModel<UnknownJobProperties>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownJobProperties>(data, options);

    string IPersistableModel<UnknownJobProperties>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
