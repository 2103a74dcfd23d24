using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Runs a Python <c>grade(sample, item)</c> function that returns the score (<c>python</c>).</summary>
public sealed class PythonGrader : FineTuningGrader
{
    /// <summary>The source code of the script. Required. (<c>source</c>)</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The image tag the script runs in. (<c>image_tag</c>)</summary>
    [JsonPropertyName("image_tag")]
    public string? ImageTag { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.Python;
}
