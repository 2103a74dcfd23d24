using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>How an ingestion job splits documents into chunks.</summary>
public sealed class ChunkingSettings : ExtensibleModel<ChunkingSettings>
{
    /// <summary>The largest chunk, in tokens.</summary>
    [JsonPropertyName("maxChunkSizeInTokens")]
    public int? MaxChunkSizeInTokens { get; set; }
}
