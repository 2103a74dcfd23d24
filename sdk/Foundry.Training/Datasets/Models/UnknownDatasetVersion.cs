using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>
/// A dataset version whose <c>type</c> this version of the SDK does not know (or that has none). Its discriminator and
/// every property it does not know are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownDatasetVersion : DatasetVersion, IJsonModel<UnknownDatasetVersion>
{
    [JsonConstructor]
    internal UnknownDatasetVersion()
    {
    }

    private protected override DatasetType? TypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "type") is string value ? new DatasetType(value) : default(DatasetType?);

    void IJsonModel<UnknownDatasetVersion>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownDatasetVersion? IJsonModel<UnknownDatasetVersion>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownDatasetVersion>(ref reader, options);

    BinaryData IPersistableModel<UnknownDatasetVersion>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownDatasetVersion? IPersistableModel<UnknownDatasetVersion>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownDatasetVersion>(data, options);

    string IPersistableModel<UnknownDatasetVersion>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
