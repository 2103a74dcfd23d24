using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An Azure AI Search index (<c>kind</c> <c>AzureAISearch</c>).</summary>
public sealed class AzureAISearchIndex : IngestionTargetIndex, IJsonModel<AzureAISearchIndex>
{
    /// <summary>The id of the workspace connection to the Azure AI Search service. Required by the service.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    private protected override string KindValue => "AzureAISearch";

    void IJsonModel<AzureAISearchIndex>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    AzureAISearchIndex? IJsonModel<AzureAISearchIndex>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<AzureAISearchIndex>(ref reader, options);

    BinaryData IPersistableModel<AzureAISearchIndex>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    AzureAISearchIndex? IPersistableModel<AzureAISearchIndex>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<AzureAISearchIndex>(data, options);

    string IPersistableModel<AzureAISearchIndex>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
