using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Evaluation configuration of a declarative training job: a built-in <see cref="Benchmark"/> or a custom <see cref="Dataset"/>.</summary>
public sealed class TrainingEvalConfiguration : ExtensibleModel<TrainingEvalConfiguration>
{
    /// <summary>A named built-in benchmark. Mutually exclusive with <see cref="Dataset"/>.</summary>
    [JsonPropertyName("benchmark")]
    public TrainingEvalBenchmark? Benchmark { get; set; }

    /// <summary>A custom evaluation dataset asset reference. Mutually exclusive with <see cref="Benchmark"/>.</summary>
    [JsonPropertyName("dataset")]
    public string? Dataset { get; set; }

    /// <summary>The evaluation frequency in training steps. When not set, evaluation runs at the end of training only.</summary>
    [JsonPropertyName("every_n_steps")]
    public int? EveryNSteps { get; set; }

    internal void CollectProblems(ValidationCollector problems, string path)
    {
        if (Benchmark is not null && Dataset is not null)
        {
            problems.Add(path, "Set either benchmark or dataset, not both: they are mutually exclusive.");
        }
    }
}
