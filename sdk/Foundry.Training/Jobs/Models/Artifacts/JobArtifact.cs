using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Metadata for an artifact produced by or attached to a job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobArtifact : ExtensibleModel<JobArtifact>
{
    [JsonConstructor]
    internal JobArtifact()
    {
    }

    /// <summary>Artifact path relative to the job artifact root.</summary>
    [JsonPropertyName("path")]
    [JsonInclude]
    public string Path { get; internal set; } = string.Empty;

    /// <summary>Artifact type.</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JobArtifactType Type { get; internal set; }

    /// <summary>Artifact size in bytes.</summary>
    [JsonPropertyName("size")]
    [JsonInclude]
    public long? Size { get; internal set; }

    /// <summary>Time the artifact was created.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>Time the artifact was last updated.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? UpdatedAt { get; internal set; }
}
