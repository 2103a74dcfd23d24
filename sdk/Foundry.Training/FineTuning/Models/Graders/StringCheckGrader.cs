using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Compares the input with a reference string (<c>string_check</c>); scores 1 on a match, else 0.</summary>
public sealed class StringCheckGrader : FineTuningGrader
{
    /// <summary>The text to check; may contain templates such as <c>{{sample.output_text}}</c>. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>The reference text; may contain templates such as <c>{{item.label}}</c>. Required. (<c>reference</c>)</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; set; }

    /// <summary>The comparison. Required. (<c>operation</c>)</summary>
    [JsonPropertyName("operation")]
    public StringCheckOperation? Operation { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.StringCheck;
}
