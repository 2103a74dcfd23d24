using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An error: why a fine-tuning job failed (<c>FineTuningJob.error</c>: code, message, param), or the error of a
/// failed request (Azure OpenAI <c>{code, message, target, details, innererror}</c>, OpenAI <c>{message, type, param, code}</c>).
/// </summary>
public class FineTuningError : ExtensibleModel<FineTuningError>
{
    /// <summary>A machine-readable error code. (<c>code</c>)</summary>
    [JsonPropertyName("code")]
    [JsonInclude]
    public FineTuningErrorCode? Code { get; internal set; }

    /// <summary>A human-readable error message. (<c>message</c>)</summary>
    [JsonPropertyName("message")]
    [JsonInclude]
    public string? Message { get; internal set; }

    /// <summary>
    /// The parameter that was invalid, usually <c>training_file</c> or <c>validation_file</c>; null when the failure is
    /// not about a parameter (OpenAI platform). (<c>param</c>)
    /// </summary>
    [JsonPropertyName("param")]
    [JsonInclude]
    public string? Param { get; internal set; }

    /// <summary>The OpenAI platform's error type. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public string? Type { get; internal set; }

    /// <summary>Where the error happened, when known (Azure OpenAI). (<c>target</c>)</summary>
    [JsonPropertyName("target")]
    [JsonInclude]
    public string? Target { get; internal set; }

    /// <summary>More detailed errors (Azure OpenAI). (<c>details</c>)</summary>
    [JsonPropertyName("details")]
    [JsonInclude]
    public IReadOnlyList<FineTuningError>? Details { get; internal set; }

    /// <summary>A more specific error (Azure OpenAI). (<c>innererror</c>)</summary>
    [JsonPropertyName("innererror")]
    [JsonInclude]
    public FineTuningInnerError? InnerError { get; internal set; }
}
