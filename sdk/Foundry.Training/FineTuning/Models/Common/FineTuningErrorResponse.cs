using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The body of a failed fine-tuning request (<c>{"error": {...}}</c>). Failed requests throw
/// <see cref="Azure.RequestFailedException"/>; read its raw response with
/// <see cref="FoundryTrainingSerializer.Deserialize{T}(System.BinaryData)"/> to get every detail.
/// </summary>
public class FineTuningErrorResponse : ExtensibleModel<FineTuningErrorResponse>
{
    /// <summary>The error. (<c>error</c>)</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public FineTuningError? Error { get; internal set; }
}
