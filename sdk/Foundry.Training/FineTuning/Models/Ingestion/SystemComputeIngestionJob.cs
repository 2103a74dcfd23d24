using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An ingestion job that runs on resources the service owns (<c>kind</c> <c>SystemCompute</c>).</summary>
public sealed class SystemComputeIngestionJob : IngestionJob, IJsonModel<SystemComputeIngestionJob>
{
    /// <summary>The connection to the Azure AI Search service that receives the index.</summary>
    [JsonPropertyName("searchServiceConnection")]
    public IngestionConnection? SearchServiceConnection { get; set; }

    /// <summary>The data to ingest.</summary>
    [JsonPropertyName("datasource")]
    public SystemComputeDatasource? Datasource { get; set; }

    /// <summary>What to do with intermediate assets when the job completes.</summary>
    [JsonPropertyName("completionAction")]
    public IngestionJobCompletionAction? CompletionAction { get; set; }

    /// <summary>How often, in hours, the index is refreshed from the data source.</summary>
    [JsonPropertyName("dataRefreshIntervalInHours")]
    public int? DataRefreshIntervalInHours { get; set; }

    private protected override string KindValue => "SystemCompute";

    void IJsonModel<SystemComputeIngestionJob>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    SystemComputeIngestionJob? IJsonModel<SystemComputeIngestionJob>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeIngestionJob>(ref reader, options);

    BinaryData IPersistableModel<SystemComputeIngestionJob>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    SystemComputeIngestionJob? IPersistableModel<SystemComputeIngestionJob>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<SystemComputeIngestionJob>(data, options);

    string IPersistableModel<SystemComputeIngestionJob>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
