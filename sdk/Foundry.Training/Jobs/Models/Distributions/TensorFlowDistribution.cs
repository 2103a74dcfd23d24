using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>TensorFlow distribution configuration (<c>distribution_type</c> <c>tensorflow</c>).</summary>
public sealed class TensorFlowDistribution : DistributionConfiguration
{
    /// <summary>Number of workers. If not specified, the service uses the instance count.</summary>
    [JsonPropertyName("worker_count")]
    public int? WorkerCount { get; set; }

    /// <summary>Number of parameter server tasks.</summary>
    [JsonPropertyName("parameter_server_count")]
    public int? ParameterServerCount { get; set; }

    private protected override string DistributionTypeValue => "tensorflow";
}
