using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Named output produced by a job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobOutputReference : ExtensibleModel<JobOutputReference>
{
    [JsonConstructor]
    internal JobOutputReference()
    {
    }

    /// <summary>Output name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Output asset type.</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public AssetTypes? Type { get; internal set; }

    /// <summary>Output delivery mode.</summary>
    [JsonPropertyName("mode")]
    [JsonInclude]
    public InputOutputModes? Mode { get; internal set; }

    /// <summary>Output storage URI.</summary>
    [JsonPropertyName("uri")]
    [JsonInclude]
    public string? Uri { get; internal set; }

    /// <summary>Registered asset name, if the output produced an asset.</summary>
    [JsonPropertyName("asset_name")]
    [JsonInclude]
    public string? AssetName { get; internal set; }

    /// <summary>Registered asset version, if the output produced an asset.</summary>
    [JsonPropertyName("asset_version")]
    [JsonInclude]
    public string? AssetVersion { get; internal set; }

    /// <summary>Base model ID for model outputs.</summary>
    [JsonPropertyName("base_model_id")]
    [JsonInclude]
    public string? BaseModelId { get; internal set; }

    /// <summary>Output description.</summary>
    [JsonPropertyName("description")]
    [JsonInclude]
    public string? Description { get; internal set; }
}
