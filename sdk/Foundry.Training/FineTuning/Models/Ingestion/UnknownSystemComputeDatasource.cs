using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A system-compute datasource of a kind this version of the SDK does not know. Its <c>kind</c> and every property are
/// kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownSystemComputeDatasource : SystemComputeDatasource, IJsonModel<UnknownSystemComputeDatasource>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownSystemComputeDatasource>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownSystemComputeDatasource? IJsonModel<UnknownSystemComputeDatasource>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownSystemComputeDatasource>(ref reader, options);

    BinaryData IPersistableModel<UnknownSystemComputeDatasource>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownSystemComputeDatasource? IPersistableModel<UnknownSystemComputeDatasource>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownSystemComputeDatasource>(data, options);

    string IPersistableModel<UnknownSystemComputeDatasource>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
