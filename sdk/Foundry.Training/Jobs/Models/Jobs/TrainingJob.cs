using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A training job resource, as the service returns it.</summary>
public sealed class TrainingJob : ExtensibleModel<TrainingJob>
{
    [JsonConstructor]
    internal TrainingJob()
    {
        Name = null!;
        Properties = null!;
    }

    /// <summary>The name of the training job (case-sensitive).</summary>
    [JsonInclude]
    [JsonPropertyName("name")]
    public string Name { get; internal set; }

    /// <summary>The resource ID.</summary>
    [JsonInclude]
    [JsonPropertyName("id")]
    public string? Id { get; internal set; }

    /// <summary>The resource type.</summary>
    [JsonInclude]
    [JsonPropertyName("type")]
    public string? Type { get; internal set; }

    /// <summary>The properties of the job, usually a <see cref="CommandJob"/>.</summary>
    [JsonInclude]
    [JsonPropertyName("properties")]
    public JobProperties Properties { get; internal set; }

    /// <summary>Metadata about the creation and last modification of the job.</summary>
    [JsonInclude]
    [JsonPropertyName("system_data")]
    public SystemData? SystemData { get; internal set; }
}
