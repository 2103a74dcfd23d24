using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What a base or fine-tuned model can be used for (Azure OpenAI).</summary>
public class ModelCapabilities : ExtensibleModel<ModelCapabilities>
{
    /// <summary>Whether the model can be fine-tuned. (<c>fine_tune</c>)</summary>
    [JsonPropertyName("fine_tune")]
    [JsonInclude]
    public bool? FineTune { get; internal set; }

    /// <summary>Whether the model can be deployed. (<c>inference</c>)</summary>
    [JsonPropertyName("inference")]
    [JsonInclude]
    public bool? Inference { get; internal set; }

    /// <summary>Whether the model supports completions. (<c>completion</c>)</summary>
    [JsonPropertyName("completion")]
    [JsonInclude]
    public bool? Completion { get; internal set; }

    /// <summary>Whether the model supports chat completions. (<c>chat_completion</c>)</summary>
    [JsonPropertyName("chat_completion")]
    [JsonInclude]
    public bool? ChatCompletion { get; internal set; }

    /// <summary>Whether the model supports embeddings. (<c>embeddings</c>)</summary>
    [JsonPropertyName("embeddings")]
    [JsonInclude]
    public bool? Embeddings { get; internal set; }
}
