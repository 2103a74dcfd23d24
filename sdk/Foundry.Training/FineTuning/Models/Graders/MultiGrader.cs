using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Combines the output of graders into one score with a formula (<c>multi</c>).</summary>
public sealed class MultiGrader : FineTuningGrader
{
    /// <summary>The grader whose results the formula combines. Required. (<c>graders</c>)</summary>
    [JsonPropertyName("graders")]
    public FineTuningGrader? Graders { get; set; }

    /// <summary>The formula that computes the score from the grader results. Required. (<c>calculate_output</c>)</summary>
    [JsonPropertyName("calculate_output")]
    public string? CalculateOutput { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.Multi;
}
