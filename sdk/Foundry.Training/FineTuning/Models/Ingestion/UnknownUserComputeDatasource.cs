using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A user-compute datasource of a kind this version of the SDK does not know. Its <c>kind</c> and every property are
/// kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownUserComputeDatasource : UserComputeDatasource, IJsonModel<UnknownUserComputeDatasource>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownUserComputeDatasource>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownUserComputeDatasource? IJsonModel<UnknownUserComputeDatasource>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownUserComputeDatasource>(ref reader, options);

    BinaryData IPersistableModel<UnknownUserComputeDatasource>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownUserComputeDatasource? IPersistableModel<UnknownUserComputeDatasource>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownUserComputeDatasource>(data, options);

    string IPersistableModel<UnknownUserComputeDatasource>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
