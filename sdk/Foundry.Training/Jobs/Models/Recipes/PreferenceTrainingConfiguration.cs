using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The preference optimization recipes: <see cref="DpoTrainingConfiguration"/>, <see cref="KtoTrainingConfiguration"/>,
/// <see cref="OrpoTrainingConfiguration"/>, <see cref="CpoTrainingConfiguration"/> and <see cref="SimPoTrainingConfiguration"/>.
/// </summary>
public abstract class PreferenceTrainingConfiguration : TrainingConfiguration
{
    private protected PreferenceTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    private protected PreferenceTrainingConfiguration()
    {
    }

    /// <summary>The LoRA adapter configuration.</summary>
    [JsonPropertyName("lora")]
    public TrainingLoraConfiguration? Lora { get; set; }

    /// <summary>The evaluation configuration.</summary>
    [JsonPropertyName("eval")]
    public TrainingEvalConfiguration? Eval { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        base.CollectProblems(problems, path);
        CollectProblems(problems, path, Lora, Eval);
    }

    /// <summary>
    /// The preference temperature β (hyperparameter <c>beta</c>): how strongly the policy is kept close to the
    /// reference model.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? Beta
    {
        get => GetDoubleHyperparameter("beta");
        set => SetHyperparameter("beta", value);
    }
}
