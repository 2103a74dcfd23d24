using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Maps logical training fields to columns of the dataset.</summary>
public sealed class TrainingColumnMapping : ExtensibleModel<TrainingColumnMapping>
{
    /// <summary>The column containing prompts.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>The column containing chosen responses, for preference training.</summary>
    [JsonPropertyName("chosen")]
    public string? Chosen { get; set; }

    /// <summary>The column containing rejected responses, for preference training.</summary>
    [JsonPropertyName("rejected")]
    public string? Rejected { get; set; }

    /// <summary>The column containing reference answers or reward context.</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; set; }

    /// <summary>The column containing chat messages.</summary>
    [JsonPropertyName("messages")]
    public string? Messages { get; set; }

    /// <summary>The column containing responses, for KTO or scored reward-model training.</summary>
    [JsonPropertyName("response")]
    public string? Response { get; set; }

    /// <summary>The column containing binary desirability labels, for KTO training.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    /// <summary>The column containing numeric reward scores, for scored reward-model training.</summary>
    [JsonPropertyName("score")]
    public string? Score { get; set; }
}
