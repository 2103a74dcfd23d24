using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Named output produced by a job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobOutputReference : ExtensibleModel
{
    [JsonConstructor]
    internal JobOutputReference()
    {
    }

    /// <summary>Output name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Output asset type.</summary>
    [JsonPropertyName("type")]
    public AssetTypes? Type { get; internal set; }

    /// <summary>Output delivery mode.</summary>
    [JsonPropertyName("mode")]
    public InputOutputModes? Mode { get; internal set; }

    /// <summary>Output storage URI.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; internal set; }

    /// <summary>Registered asset name, if the output produced an asset.</summary>
    [JsonPropertyName("asset_name")]
    public string? AssetName { get; internal set; }

    /// <summary>Registered asset version, if the output produced an asset.</summary>
    [JsonPropertyName("asset_version")]
    public string? AssetVersion { get; internal set; }

    /// <summary>Base model ID for model outputs.</summary>
    [JsonPropertyName("base_model_id")]
    public string? BaseModelId { get; internal set; }

    /// <summary>Output description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; internal set; }
}
