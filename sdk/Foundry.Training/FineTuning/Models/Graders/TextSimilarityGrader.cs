using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Scores the similarity of the input to a reference text (<c>text_similarity</c>).</summary>
public sealed class TextSimilarityGrader : FineTuningGrader
{
    /// <summary>The text being graded; may contain templates. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>The text graded against; may contain templates. Required. (<c>reference</c>)</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; set; }

    /// <summary>The similarity metric. Required. (<c>evaluation_metric</c>)</summary>
    [JsonPropertyName("evaluation_metric")]
    public TextSimilarityMetric? EvaluationMetric { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.TextSimilarity;
}
