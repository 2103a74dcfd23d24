using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A connection of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionConnection : IngestionConnection, IJsonModel<UnknownIngestionConnection>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownIngestionConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownIngestionConnection? IJsonModel<UnknownIngestionConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionConnection>(ref reader, options);

    BinaryData IPersistableModel<UnknownIngestionConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownIngestionConnection? IPersistableModel<UnknownIngestionConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionConnection>(data, options);

    string IPersistableModel<UnknownIngestionConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
