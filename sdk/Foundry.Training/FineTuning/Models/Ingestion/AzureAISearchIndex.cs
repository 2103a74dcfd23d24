using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An Azure AI Search index (<c>kind</c> <c>AzureAISearch</c>).</summary>
public sealed class AzureAISearchIndex : IngestionTargetIndex
{
    /// <summary>The id of the workspace connection to the Azure AI Search service. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "AzureAISearch";
}
