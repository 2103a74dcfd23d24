using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Reward model training recipe (<c>algorithm</c> <c>reward_model</c>).</summary>
public sealed class RewardModelTrainingConfiguration : TrainingConfiguration
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public RewardModelTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal RewardModelTrainingConfiguration()
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

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.RewardModel;
}
