using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An Azure Storage container to ingest, for a system-compute job (<c>kind</c> <c>Storage</c>).</summary>
public sealed class SystemComputeStorage : SystemComputeDatasource, IJsonModel<SystemComputeStorage>
{
    private IList<ConnectionEmbeddingSettings> _embeddings = new List<ConnectionEmbeddingSettings>();

    /// <summary>The connection to the storage account. Required by the service.</summary>
    [JsonPropertyName("connection")]
    public IngestionConnection? Connection { get; set; }

    /// <summary>The name of the container. Required by the service.</summary>
    [JsonPropertyName("containerName")]
    public string? ContainerName { get; set; }

    /// <summary>How documents are split into chunks.</summary>
    [JsonPropertyName("chunking")]
    public ChunkingSettings? Chunking { get; set; }

    /// <summary>The embedding models to embed the chunks with. Required by the service.</summary>
    [JsonIgnore]
    public IList<ConnectionEmbeddingSettings> Embeddings => _embeddings;

    private protected override string KindValue => "Storage";

    /// <summary>The list on the wire; JSON <c>null</c> reads as an empty list rather than failing the whole document.</summary>
    [JsonInclude]
    [JsonPropertyName("embeddings")]
    internal IList<ConnectionEmbeddingSettings>? EmbeddingsJson
    {
        get => _embeddings;
        set => _embeddings = value ?? new List<ConnectionEmbeddingSettings>();
    }

    void IJsonModel<SystemComputeStorage>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    SystemComputeStorage? IJsonModel<SystemComputeStorage>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeStorage>(ref reader, options);

    BinaryData IPersistableModel<SystemComputeStorage>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    SystemComputeStorage? IPersistableModel<SystemComputeStorage>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeStorage>(data, options);

    string IPersistableModel<SystemComputeStorage>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
