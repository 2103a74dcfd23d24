using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Error emitted during a job attempt. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobAttemptError : ExtensibleModel<JobAttemptError>
{
    [JsonConstructor]
    internal JobAttemptError()
    {
    }

    /// <summary>Machine-readable error code.</summary>
    [JsonPropertyName("code")]
    [JsonInclude]
    public string? Code { get; internal set; }

    /// <summary>Human-readable error message.</summary>
    [JsonPropertyName("message")]
    [JsonInclude]
    public string? Message { get; internal set; }

    /// <summary>Additional error details.</summary>
    [JsonPropertyName("details")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Details { get; internal set; }
}
