using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Hyperparameters of DPO fine-tuning (OpenAI platform). Unset values default to <c>"auto"</c>.</summary>
public class DpoHyperparameters : ExtensibleModel<DpoHyperparameters>
{
    /// <summary>
    /// Weight of the penalty between the policy and the reference model; higher is stronger. Greater than 0, at most 2. (<c>beta</c>)
    /// </summary>
    [JsonPropertyName("beta")]
    public FineTuningHyperparameterValue? Beta { get; set; }

    /// <summary>Number of examples in each batch, 1 to 256. (<c>batch_size</c>)</summary>
    [JsonPropertyName("batch_size")]
    public FineTuningHyperparameterValue? BatchSize { get; set; }

    /// <summary>Scaling factor of the learning rate; must be positive. (<c>learning_rate_multiplier</c>)</summary>
    [JsonPropertyName("learning_rate_multiplier")]
    public FineTuningHyperparameterValue? LearningRateMultiplier { get; set; }

    /// <summary>Number of full passes through the training data, 1 to 50. (<c>n_epochs</c>)</summary>
    [JsonPropertyName("n_epochs")]
    public FineTuningHyperparameterValue? EpochCount { get; set; }
}
