using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An ingestion job that runs on resources the service owns (<c>kind</c> <c>SystemCompute</c>).</summary>
public sealed class SystemComputeIngestionJob : IngestionJob
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
}
