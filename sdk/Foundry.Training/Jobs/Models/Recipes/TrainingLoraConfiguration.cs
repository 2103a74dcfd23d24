using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>LoRA adapter configuration for parameter-efficient fine tuning.</summary>
public sealed class TrainingLoraConfiguration : ExtensibleModel<TrainingLoraConfiguration>
{
    /// <summary>Creates a LoRA configuration.</summary>
    /// <param name="rank">The low-rank dimension; must be greater than 0.</param>
    public TrainingLoraConfiguration(int rank)
    {
        Rank = rank;
    }

    [JsonConstructor]
    internal TrainingLoraConfiguration()
    {
    }

    /// <summary>The low-rank dimension. Required; must be greater than 0.</summary>
    [JsonPropertyName("rank")]
    public int Rank { get; set; }

    /// <summary>The LoRA scaling factor. When not set the service uses 16.</summary>
    [JsonPropertyName("alpha")]
    public int? Alpha { get; set; }

    /// <summary>The dropout applied to adapter inputs. When not set the service uses 0.05.</summary>
    [JsonPropertyName("dropout")]
    public double? Dropout { get; set; }

    /// <summary>
    /// The linear layers that receive adapters. When not set the service uses <c>auto</c>, which lets the framework
    /// choose.
    /// </summary>
    [JsonPropertyName("target_modules")]
    public string? TargetModules { get; set; }

    /// <summary>Whether to load the base weights in 4 bits (QLoRA). When not set the service uses false.</summary>
    [JsonPropertyName("quantize")]
    public bool? Quantize { get; set; }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (Rank <= 0)
        {
            problems.Add(ValidationCollector.Property(path, "rank"), "Must be greater than 0.");
        }
    }
}
