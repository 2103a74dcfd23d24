using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// When a model's support ends (Azure OpenAI). Base models usually support fine-tuning for a year after creation;
/// inference is typically supported for two years after creation of a base or fine-tuned model.
/// </summary>
public class ModelDeprecation : ExtensibleModel<ModelDeprecation>
{
    /// <summary>The end of fine-tuning support; null for fine-tuned models. (<c>fine_tune</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("fine_tune")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? FineTune { get; internal set; }

    /// <summary>The end of inference support. (<c>inference</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("inference")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? Inference { get; internal set; }
}
