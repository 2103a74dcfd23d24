using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Web pages to crawl and ingest, for a system-compute job (<c>kind</c> <c>Urls</c>).</summary>
public sealed class SystemComputeUrl : SystemComputeDatasource
{
    /// <summary>The URLs to start crawling from. Required by the service.</summary>
    [JsonPropertyName("urls")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<string> Urls { get; } = new List<string>();

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
    [JsonPropertyName("embeddings")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<ConnectionEmbeddingSettings> Embeddings { get; } = new List<ConnectionEmbeddingSettings>();

    private protected override string KindValue => "Urls";
}
