using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A named input as the job's backing run recorded it (its execution view): the name, the asset type and the asset it
/// resolved to. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.
/// </summary>
public sealed class JobExecutionAssetReference : ExtensibleModel<JobExecutionAssetReference>
{
    [JsonConstructor]
    internal JobExecutionAssetReference()
    {
    }

    /// <summary>Input name, as in <see cref="CommandJob.Inputs"/>.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Asset type as the backing run recorded it (for example <c>uri_folder</c>).</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public string? Type { get; internal set; }

    /// <summary>Identifier of the asset the input resolved to.</summary>
    [JsonPropertyName("asset_id")]
    [JsonInclude]
    public string? AssetId { get; internal set; }
}
