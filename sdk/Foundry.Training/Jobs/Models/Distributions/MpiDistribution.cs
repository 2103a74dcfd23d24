using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>MPI distribution configuration (<c>distribution_type</c> <c>mpi</c>).</summary>
public sealed class MpiDistribution : DistributionConfiguration
{
    /// <summary>Number of processes per MPI node.</summary>
    [JsonPropertyName("process_count_per_node")]
    public int? ProcessCountPerNode { get; set; }

    private protected override string DistributionTypeValue => "mpi";
}
