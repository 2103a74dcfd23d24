using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An ingestion job that runs in the user's Azure Machine Learning workspace (<c>kind</c> <c>UserCompute</c>). Its
/// requests need the <c>mgmt-user-token</c> and <c>aml-user-token</c> headers (see <see cref="IngestionJobsClient"/>).
/// </summary>
public sealed class UserComputeIngestionJob : IngestionJob, IJsonModel<UserComputeIngestionJob>
{
    /// <summary>The resource id of the workspace the job runs in. Required by the service.</summary>
    [JsonPropertyName("workspaceId")]
    public string? WorkspaceId { get; set; }

    /// <summary>The compute the job runs on.</summary>
    [JsonPropertyName("compute")]
    public IngestionJobCompute? Compute { get; set; }

    /// <summary>The index the job writes.</summary>
    [JsonPropertyName("target")]
    public IngestionTargetIndex? Target { get; set; }

    /// <summary>The data to ingest.</summary>
    [JsonPropertyName("datasource")]
    public UserComputeDatasource? Datasource { get; set; }

    /// <summary>How often, in hours, the index is refreshed from the data source.</summary>
    [JsonPropertyName("dataRefreshIntervalInHours")]
    public int? DataRefreshIntervalInHours { get; set; }

    private protected override string KindValue => "UserCompute";

    void IJsonModel<UserComputeIngestionJob>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UserComputeIngestionJob? IJsonModel<UserComputeIngestionJob>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeIngestionJob>(ref reader, options);

    BinaryData IPersistableModel<UserComputeIngestionJob>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UserComputeIngestionJob? IPersistableModel<UserComputeIngestionJob>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UserComputeIngestionJob>(data, options);

    string IPersistableModel<UserComputeIngestionJob>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
