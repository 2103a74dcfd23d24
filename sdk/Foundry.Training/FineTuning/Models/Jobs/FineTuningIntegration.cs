using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An integration enabled for a fine-tuning job (OpenAI platform). Only Weights and Biases exists today.</summary>
public class FineTuningIntegration : ExtensibleModel<FineTuningIntegration>
{
    /// <summary>Creates an empty integration; set <see cref="Type"/> and its settings.</summary>
    public FineTuningIntegration()
    {
    }

    /// <summary>Creates a Weights and Biases integration.</summary>
    /// <param name="wandb">The Weights and Biases settings.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="wandb"/> is null.</exception>
    public FineTuningIntegration(WandbIntegration wandb)
    {
        Argument.AssertNotNull(wandb, nameof(wandb));
        Type = FineTuningIntegrationType.Wandb;
        Wandb = wandb;
    }

    /// <summary>The kind of integration. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    public FineTuningIntegrationType? Type { get; set; }

    /// <summary>The Weights and Biases settings, when <see cref="Type"/> is <c>wandb</c>. (<c>wandb</c>)</summary>
    [JsonPropertyName("wandb")]
    public WandbIntegration? Wandb { get; set; }
}
