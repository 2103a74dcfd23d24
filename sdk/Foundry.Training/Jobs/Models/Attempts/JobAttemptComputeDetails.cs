using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Compute placement details for a job attempt. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobAttemptComputeDetails : ExtensibleModel<JobAttemptComputeDetails>
{
    [JsonConstructor]
    internal JobAttemptComputeDetails()
    {
    }

    /// <summary>Virtual machine size used for this attempt.</summary>
    [JsonPropertyName("vm_size")]
    [JsonInclude]
    public string? VmSize { get; internal set; }

    /// <summary>Instance type used for this attempt.</summary>
    [JsonPropertyName("instance_type")]
    [JsonInclude]
    public string? InstanceType { get; internal set; }

    /// <summary>Number of instances allocated to this attempt.</summary>
    [JsonPropertyName("instance_count")]
    [JsonInclude]
    public int? InstanceCount { get; internal set; }

    /// <summary>Number of GPUs allocated to this attempt.</summary>
    [JsonPropertyName("gpu_count")]
    [JsonInclude]
    public int? GpuCount { get; internal set; }

    /// <summary>Region where this attempt was placed.</summary>
    [JsonPropertyName("region")]
    [JsonInclude]
    public string? Region { get; internal set; }

    /// <summary>Additional backend-specific compute placement properties.</summary>
    [JsonPropertyName("properties")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Properties { get; internal set; }
}
