using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Asks a model to score the input (<c>score_model</c>).</summary>
public sealed class ScoreModelGrader : FineTuningGrader
{
    /// <summary>The model that scores. Required. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The messages given to the scoring model; may contain templates. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public IList<GraderInputMessage> Input { get; } = new List<GraderInputMessage>();

    /// <summary>The sampling parameters of the scoring model. (<c>sampling_params</c>)</summary>
    [JsonPropertyName("sampling_params")]
    public ScoreModelSamplingParameters? SamplingParameters { get; set; }

    /// <summary>The range of the score, two numbers; <c>[0, 1]</c> when empty. (<c>range</c>)</summary>
    [JsonPropertyName("range")]
    public IList<double> Range { get; } = new List<double>();

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.ScoreModel;
}
