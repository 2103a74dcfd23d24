using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Asks a model to label the input; passing labels score 1 (<c>label_model</c>).</summary>
public sealed class LabelModelGrader : FineTuningGrader
{
    /// <summary>The model that labels; it must support structured outputs. Required. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The messages given to the labelling model; may contain templates. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public IList<GraderInputMessage> Input { get; } = new List<GraderInputMessage>();

    /// <summary>The labels to choose from. Required. (<c>labels</c>)</summary>
    [JsonPropertyName("labels")]
    public IList<string> Labels { get; } = new List<string>();

    /// <summary>The labels that pass; a subset of <see cref="Labels"/>. Required. (<c>passing_labels</c>)</summary>
    [JsonPropertyName("passing_labels")]
    public IList<string> PassingLabels { get; } = new List<string>();

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.LabelModel;
}
