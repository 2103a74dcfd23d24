using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Hyperparameters of a fine-tuning job (<c>hyperparameters</c>) and of the supervised method. Unset values are not
/// sent and the service chooses them (the OpenAI platform's default is <c>"auto"</c>).
/// </summary>
public class FineTuningHyperparameters : ExtensibleModel<FineTuningHyperparameters>
{
    /// <summary>
    /// Number of training examples in each batch. Larger batches update the model less often but with lower variance.
    /// The default and the maximum depend on the base model (OpenAI platform: 1 to 256). (<c>batch_size</c>)
    /// </summary>
    [JsonPropertyName("batch_size")]
    public FineTuningHyperparameterValue? BatchSize { get; set; }

    /// <summary>
    /// Scaling factor of the pre-training learning rate; values from 0.02 to 0.2 are a good start. Must be positive.
    /// (<c>learning_rate_multiplier</c>)
    /// </summary>
    [JsonPropertyName("learning_rate_multiplier")]
    public FineTuningHyperparameterValue? LearningRateMultiplier { get; set; }

    /// <summary>Number of full passes through the training data (OpenAI platform: 1 to 50). (<c>n_epochs</c>)</summary>
    [JsonPropertyName("n_epochs")]
    public FineTuningHyperparameterValue? EpochCount { get; set; }
}
