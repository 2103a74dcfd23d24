using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A compute the user created in the workspace (<c>kind</c> <c>CustomCompute</c>).</summary>
public sealed class CustomCompute : IngestionJobCompute
{
    /// <summary>The id of the compute. Required by the service.</summary>
    [JsonPropertyName("computeId")]
    public string? ComputeId { get; set; }

    private protected override string KindValue => "CustomCompute";
}
