using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Settings of reinforcement fine-tuning (OpenAI platform).</summary>
public class ReinforcementMethod : ExtensibleModel<ReinforcementMethod>
{
    /// <summary>The grader that scores the model's answers. Required. (<c>grader</c>)</summary>
    [JsonPropertyName("grader")]
    public FineTuningGrader? Grader { get; set; }

    /// <summary>The hyperparameters; the service chooses them when null. (<c>hyperparameters</c>)</summary>
    [JsonPropertyName("hyperparameters")]
    public ReinforcementHyperparameters? Hyperparameters { get; set; }
}
