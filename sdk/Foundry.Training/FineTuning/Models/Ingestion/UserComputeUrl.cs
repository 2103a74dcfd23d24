using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Web pages to crawl and ingest, for a user-compute job (<c>kind</c> <c>Urls</c>).</summary>
public sealed class UserComputeUrl : UserComputeDatasource, IJsonModel<UserComputeUrl>
{
    private IList<string> _urls = new List<string>();
    private IList<WorkspaceConnectionEmbeddingSettings> _embeddings = new List<WorkspaceConnectionEmbeddingSettings>();

    /// <summary>The URLs to start crawling from. Required by the service.</summary>
    [JsonIgnore]
    public IList<string> Urls => _urls;

    /// <summary>How the pages are crawled.</summary>
    [JsonPropertyName("crawling")]
    public CrawlingSettings? Crawling { get; set; }

    /// <summary>How documents are split into chunks.</summary>
    [JsonPropertyName("chunking")]
    public ChunkingSettings? Chunking { get; set; }

    /// <summary>The embedding models to embed the chunks with. Required by the service.</summary>
    [JsonIgnore]
    public IList<WorkspaceConnectionEmbeddingSettings> Embeddings => _embeddings;

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
    internal IList<WorkspaceConnectionEmbeddingSettings>? EmbeddingsJson
    {
        get => _embeddings;
        set => _embeddings = value ?? new List<WorkspaceConnectionEmbeddingSettings>();
    }

    void IJsonModel<UserComputeUrl>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UserComputeUrl? IJsonModel<UserComputeUrl>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeUrl>(ref reader, options);

    BinaryData IPersistableModel<UserComputeUrl>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UserComputeUrl? IPersistableModel<UserComputeUrl>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeUrl>(data, options);

    string IPersistableModel<UserComputeUrl>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
