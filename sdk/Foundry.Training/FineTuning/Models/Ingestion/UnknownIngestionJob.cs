using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An ingestion job of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionJob : IngestionJob, IJsonModel<UnknownIngestionJob>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownIngestionJob>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownIngestionJob? IJsonModel<UnknownIngestionJob>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionJob>(ref reader, options);

    BinaryData IPersistableModel<UnknownIngestionJob>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownIngestionJob? IPersistableModel<UnknownIngestionJob>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionJob>(data, options);

    string IPersistableModel<UnknownIngestionJob>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
