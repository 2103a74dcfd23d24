using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>PyTorch distribution configuration (<c>distribution_type</c> <c>pytorch</c>).</summary>
public sealed class PyTorchDistribution : DistributionConfiguration
{
    /// <summary>Number of processes per node.</summary>
    [JsonPropertyName("process_count_per_instance")]
    public int? ProcessCountPerInstance { get; set; }

    private protected override string DistributionTypeValue => "pytorch";
}
