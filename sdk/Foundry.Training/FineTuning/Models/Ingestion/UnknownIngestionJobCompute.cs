using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A compute of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionJobCompute : IngestionJobCompute, IJsonModel<UnknownIngestionJobCompute>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownIngestionJobCompute>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownIngestionJobCompute? IJsonModel<UnknownIngestionJobCompute>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionJobCompute>(ref reader, options);

    BinaryData IPersistableModel<UnknownIngestionJobCompute>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownIngestionJobCompute? IPersistableModel<UnknownIngestionJobCompute>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionJobCompute>(data, options);

    string IPersistableModel<UnknownIngestionJobCompute>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
