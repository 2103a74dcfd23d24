using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A target index of a kind this version of the SDK does not know. Its <c>kind</c> and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownIngestionTargetIndex : IngestionTargetIndex, IJsonModel<UnknownIngestionTargetIndex>
{
    private protected override string? KindValue => IngestionDiscriminator.Read(this);

    void IJsonModel<UnknownIngestionTargetIndex>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownIngestionTargetIndex? IJsonModel<UnknownIngestionTargetIndex>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionTargetIndex>(ref reader, options);

    BinaryData IPersistableModel<UnknownIngestionTargetIndex>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownIngestionTargetIndex? IPersistableModel<UnknownIngestionTargetIndex>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownIngestionTargetIndex>(data, options);

    string IPersistableModel<UnknownIngestionTargetIndex>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
