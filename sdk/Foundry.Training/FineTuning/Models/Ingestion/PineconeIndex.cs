using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A Pinecone index (<c>kind</c> <c>Pinecone</c>).</summary>
public sealed class PineconeIndex : IngestionTargetIndex
{
    /// <summary>The id of the workspace connection to Pinecone. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "Pinecone";
}
