using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Settings of direct preference optimization (OpenAI platform).</summary>
public class DpoMethod : ExtensibleModel<DpoMethod>
{
    /// <summary>The hyperparameters; the service chooses them when null. (<c>hyperparameters</c>)</summary>
    [JsonPropertyName("hyperparameters")]
    public DpoHyperparameters? Hyperparameters { get; set; }
}
