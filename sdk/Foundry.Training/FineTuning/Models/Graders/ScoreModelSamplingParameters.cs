using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Sampling parameters of the model behind a <see cref="ScoreModelGrader"/>.</summary>
public class ScoreModelSamplingParameters : ExtensibleModel<ScoreModelSamplingParameters>
{
    /// <summary>Seed of the sampling randomness. (<c>seed</c>)</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    /// <summary>Nucleus sampling; 1 includes all tokens. (<c>top_p</c>)</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Higher values make the output more random. (<c>temperature</c>)</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>Maximum tokens the grader model may generate, at least 1. (<c>max_completions_tokens</c>)</summary>
    [JsonPropertyName("max_completions_tokens")]
    public int? MaxCompletionsTokens { get; set; }

    /// <summary>Reasoning effort of the grader model. (<c>reasoning_effort</c>)</summary>
    [JsonPropertyName("reasoning_effort")]
    public ReasoningEffort? ReasoningEffort { get; set; }
}
