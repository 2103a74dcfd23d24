using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A Pinecone index (<c>kind</c> <c>Pinecone</c>).</summary>
public sealed class PineconeIndex : IngestionTargetIndex, IJsonModel<PineconeIndex>
{
    /// <summary>The id of the workspace connection to Pinecone. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "Pinecone";

    void IJsonModel<PineconeIndex>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    PineconeIndex? IJsonModel<PineconeIndex>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<PineconeIndex>(ref reader, options);

    BinaryData IPersistableModel<PineconeIndex>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    PineconeIndex? IPersistableModel<PineconeIndex>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<PineconeIndex>(data, options);

    string IPersistableModel<PineconeIndex>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
