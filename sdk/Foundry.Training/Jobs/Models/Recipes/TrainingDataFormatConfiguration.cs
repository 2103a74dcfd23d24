using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Formatting options for conversational training data.</summary>
public sealed class TrainingDataFormatConfiguration : ExtensibleModel<TrainingDataFormatConfiguration>
{
    /// <summary>The built-in chat template to apply to the dataset.</summary>
    [JsonPropertyName("chat_template")]
    public ChatTemplate? ChatTemplate { get; set; }

    /// <summary>The path to a custom chat template, relative to the job's code directory.</summary>
    [JsonPropertyName("chat_template_path")]
    public string? ChatTemplatePath { get; set; }
}
