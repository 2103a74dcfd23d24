using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Web pages to crawl and ingest, for a user-compute job (<c>kind</c> <c>Urls</c>).</summary>
public sealed class UserComputeUrl : UserComputeDatasource
{
    /// <summary>The URLs to start crawling from. Required by the service.</summary>
    [JsonPropertyName("urls")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<string> Urls { get; } = new List<string>();

    /// <summary>How the pages are crawled.</summary>
    [JsonPropertyName("crawling")]
    public CrawlingSettings? Crawling { get; set; }

    /// <summary>How documents are split into chunks.</summary>
    [JsonPropertyName("chunking")]
    public ChunkingSettings? Chunking { get; set; }

    /// <summary>The embedding models to embed the chunks with. Required by the service.</summary>
    [JsonPropertyName("embeddings")]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public IList<WorkspaceConnectionEmbeddingSettings> Embeddings { get; } = new List<WorkspaceConnectionEmbeddingSettings>();

    private protected override string KindValue => "Urls";
}
