using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Settings of supervised fine-tuning (OpenAI platform).</summary>
public class SupervisedMethod : ExtensibleModel<SupervisedMethod>
{
    /// <summary>The hyperparameters; the service chooses them when null. (<c>hyperparameters</c>)</summary>
    [JsonPropertyName("hyperparameters")]
    public FineTuningHyperparameters? Hyperparameters { get; set; }
}
