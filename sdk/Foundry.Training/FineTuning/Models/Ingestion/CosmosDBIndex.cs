using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An Azure Cosmos DB index (<c>kind</c> <c>CosmosDB</c>).</summary>
public sealed class CosmosDBIndex : IngestionTargetIndex
{
    /// <summary>The id of the workspace connection to the Cosmos DB account. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    /// <summary>The name of the Cosmos DB collection.</summary>
    [JsonPropertyName("collectionName")]
    public string? CollectionName { get; set; }

    /// <summary>The name of the Cosmos DB database.</summary>
    [JsonPropertyName("databaseName")]
    public string? DatabaseName { get; set; }

    private protected override string KindValue => "CosmosDB";
}
