using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An Azure Cosmos DB index (<c>kind</c> <c>CosmosDB</c>).</summary>
public sealed class CosmosDBIndex : IngestionTargetIndex, IJsonModel<CosmosDBIndex>
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

    void IJsonModel<CosmosDBIndex>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    CosmosDBIndex? IJsonModel<CosmosDBIndex>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<CosmosDBIndex>(ref reader, options);

    BinaryData IPersistableModel<CosmosDBIndex>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    CosmosDBIndex? IPersistableModel<CosmosDBIndex>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<CosmosDBIndex>(data, options);

    string IPersistableModel<CosmosDBIndex>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
