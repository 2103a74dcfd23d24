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
}
