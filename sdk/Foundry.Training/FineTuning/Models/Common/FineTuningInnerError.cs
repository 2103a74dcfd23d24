using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A more specific error inside a <see cref="FineTuningError"/> (Azure OpenAI <c>InnerError</c>).</summary>
public class FineTuningInnerError : ExtensibleModel<FineTuningInnerError>
{
    /// <summary>The inner error code, such as <c>invalidPayload</c>. (<c>code</c>)</summary>
    [JsonPropertyName("code")]
    [JsonInclude]
    public string? Code { get; internal set; }

    /// <summary>A yet more specific error. (<c>innererror</c>)</summary>
    [JsonPropertyName("innererror")]
    [JsonInclude]
    public FineTuningInnerError? InnerError { get; internal set; }
}
