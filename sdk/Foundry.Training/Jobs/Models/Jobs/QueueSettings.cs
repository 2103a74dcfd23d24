using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Queue settings of a job.</summary>
public sealed class QueueSettings : ExtensibleModel<QueueSettings>
{
    /// <summary>The compute job tier.</summary>
    [JsonPropertyName("job_tier")]
    public string? JobTier { get; set; }
}
