using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Hyperparameters of reinforcement fine-tuning (OpenAI platform). Unset values default to <c>"auto"</c>.</summary>
public class ReinforcementHyperparameters : ExtensibleModel<ReinforcementHyperparameters>
{
    /// <summary>Number of examples in each batch, 1 to 256. (<c>batch_size</c>)</summary>
    [JsonPropertyName("batch_size")]
    public FineTuningHyperparameterValue? BatchSize { get; set; }

    /// <summary>Scaling factor of the learning rate; must be positive. (<c>learning_rate_multiplier</c>)</summary>
    [JsonPropertyName("learning_rate_multiplier")]
    public FineTuningHyperparameterValue? LearningRateMultiplier { get; set; }

    /// <summary>Number of full passes through the training data, 1 to 50. (<c>n_epochs</c>)</summary>
    [JsonPropertyName("n_epochs")]
    public FineTuningHyperparameterValue? EpochCount { get; set; }

    /// <summary>Level of reasoning effort; <c>default</c> when not set. (<c>reasoning_effort</c>)</summary>
    [JsonPropertyName("reasoning_effort")]
    public ReasoningEffort? ReasoningEffort { get; set; }

    /// <summary>Multiplier of the compute used to explore the search space, greater than 0.00001 and at most 10. (<c>compute_multiplier</c>)</summary>
    [JsonPropertyName("compute_multiplier")]
    public FineTuningHyperparameterValue? ComputeMultiplier { get; set; }

    /// <summary>Training steps between evaluation runs, at least 1. (<c>eval_interval</c>)</summary>
    [JsonPropertyName("eval_interval")]
    public FineTuningHyperparameterValue? EvalInterval { get; set; }

    /// <summary>Evaluation samples generated per training step, at least 1. (<c>eval_samples</c>)</summary>
    [JsonPropertyName("eval_samples")]
    public FineTuningHyperparameterValue? EvalSamples { get; set; }
}
