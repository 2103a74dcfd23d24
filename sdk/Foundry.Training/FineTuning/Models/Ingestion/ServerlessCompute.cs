using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Serverless compute for a user-compute ingestion job (<c>kind</c> <c>ServerlessCompute</c>).</summary>
public sealed class ServerlessCompute : IngestionJobCompute
{
    /// <summary>The SKU level.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; set; }

    /// <summary>The number of instances to run the job on.</summary>
    [JsonPropertyName("instanceCount")]
    public int? InstanceCount { get; set; }

    private protected override string KindValue => "ServerlessCompute";
}
