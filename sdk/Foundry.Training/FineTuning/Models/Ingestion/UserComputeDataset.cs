using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A workspace dataset to ingest (<c>kind</c> <c>Dataset</c>).</summary>
public sealed class UserComputeDataset : UserComputeDatasource, IJsonModel<UserComputeDataset>
{
    /// <summary>The id of the dataset (an <c>azureml://</c> URI). Required by the service.</summary>
    [JsonPropertyName("datasetId")]
    public string? DatasetId { get; set; }

    /// <summary>The type of the dataset, for example <c>uri_folder</c>. Required by the service.</summary>
    [JsonPropertyName("datasetType")]
    public string? DatasetType { get; set; }

    /// <summary>How documents are split into chunks.</summary>
    [JsonPropertyName("chunking")]
    public ChunkingSettings? Chunking { get; set; }

    /// <summary>The embedding models to embed the chunks with; null (not sent) leaves the choice to the service.</summary>
    [JsonPropertyName("embeddings")]
    public IList<WorkspaceConnectionEmbeddingSettings>? Embeddings { get; set; }

    private protected override string KindValue => "Dataset";

    void IJsonModel<UserComputeDataset>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UserComputeDataset? IJsonModel<UserComputeDataset>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeDataset>(ref reader, options);

    BinaryData IPersistableModel<UserComputeDataset>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UserComputeDataset? IPersistableModel<UserComputeDataset>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeDataset>(data, options);

    string IPersistableModel<UserComputeDataset>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
