using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Compute resource configuration for a job.</summary>
public sealed class JobResourceConfiguration : ExtensibleModel<JobResourceConfiguration>
{
    private IDictionary<string, JsonNode?>? _properties;

    /// <summary>The number of instances or nodes used by the compute target.</summary>
    [JsonPropertyName("instance_count")]
    public int? InstanceCount { get; set; }

    /// <summary>The type of VM, as supported by the compute target.</summary>
    [JsonPropertyName("instance_type")]
    public string? InstanceType { get; set; }

    /// <summary>Additional properties; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Properties => OnDemand.Dictionary(ref _properties);

    /// <summary>
    /// The size of the docker container's shared memory block, as <c>&lt;number&gt;&lt;unit&gt;</c> where the number is
    /// greater than 0 and the unit is <c>b</c> (bytes), <c>k</c> (kilobytes), <c>m</c> (megabytes) or <c>g</c> (gigabytes),
    /// for example <c>2g</c>.
    /// </summary>
    [JsonPropertyName("shm_size")]
    public string? ShmSize { get; set; }

    /// <summary>
    /// Extra arguments for the Docker run command. They override parameters already set by the system or in this
    /// section. Only supported for Azure ML compute types.
    /// </summary>
    [JsonPropertyName("docker_args")]
    public string? DockerArgs { get; set; }

    [JsonInclude]
    [JsonPropertyName("properties")]
    internal IDictionary<string, JsonNode?>? PropertiesJson
    {
        get => OnDemand.ForWriting(_properties);
        set => _properties = value;
    }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (ShmSize is not null && !IsShmSize(ShmSize))
        {
            problems.Add(
                ValidationCollector.Property(path, "shm_size"),
                "Must be a number greater than 0 followed by a unit b, k, m or g, such as 2g.");
        }
    }

    /// <summary><c>&lt;digits&gt;&lt;b|k|m|g&gt;</c> with a non-zero number; the unit's case is left to the service.</summary>
    private static bool IsShmSize(string value)
    {
        if (value.Length < 2 || "bkmgBKMG".IndexOf(value[value.Length - 1]) < 0)
        {
            return false;
        }

        bool nonZero = false;
        for (int i = 0; i < value.Length - 1; i++)
        {
            char c = value[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            nonZero |= c != '0';
        }

        return nonZero;
    }
}
