using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Web pages to crawl and ingest, for a system-compute job (<c>kind</c> <c>Urls</c>).</summary>
public sealed class SystemComputeUrl : SystemComputeDatasource, IJsonModel<SystemComputeUrl>
{
    private IList<string> _urls = new List<string>();
    private IList<ConnectionEmbeddingSettings> _embeddings = new List<ConnectionEmbeddingSettings>();

    /// <summary>The URLs to start crawling from. Required by the service.</summary>
    [JsonIgnore]
    public IList<string> Urls => _urls;

    /// <summary>The connection to the storage account the crawled pages are written to. Required by the service.</summary>
    [JsonPropertyName("connection")]
    public IngestionConnection? Connection { get; set; }

    /// <summary>The name of the container the crawled pages are written to. Required by the service.</summary>
    [JsonPropertyName("containerName")]
    public string? ContainerName { get; set; }

    /// <summary>How the pages are crawled.</summary>
    [JsonPropertyName("crawling")]
    public CrawlingSettings? Crawling { get; set; }

    /// <summary>How documents are split into chunks.</summary>
    [JsonPropertyName("chunking")]
    public ChunkingSettings? Chunking { get; set; }

    /// <summary>The embedding models to embed the chunks with. Required by the service.</summary>
    [JsonIgnore]
    public IList<ConnectionEmbeddingSettings> Embeddings => _embeddings;

    private protected override string KindValue => "Urls";

    /// <summary>The list on the wire; JSON <c>null</c> reads as an empty list rather than failing the whole document.</summary>
    [JsonInclude]
    [JsonPropertyName("urls")]
    internal IList<string>? UrlsJson
    {
        get => _urls;
        set => _urls = value ?? new List<string>();
    }

    /// <summary>The list on the wire; JSON <c>null</c> reads as an empty list rather than failing the whole document.</summary>
    [JsonInclude]
    [JsonPropertyName("embeddings")]
    internal IList<ConnectionEmbeddingSettings>? EmbeddingsJson
    {
        get => _embeddings;
        set => _embeddings = value ?? new List<ConnectionEmbeddingSettings>();
    }

    void IJsonModel<SystemComputeUrl>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    SystemComputeUrl? IJsonModel<SystemComputeUrl>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeUrl>(ref reader, options);

    BinaryData IPersistableModel<SystemComputeUrl>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    SystemComputeUrl? IPersistableModel<SystemComputeUrl>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeUrl>(data, options);

    string IPersistableModel<SystemComputeUrl>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
