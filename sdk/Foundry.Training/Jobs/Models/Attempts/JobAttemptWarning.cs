using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Warning emitted during a job attempt. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobAttemptWarning : ExtensibleModel<JobAttemptWarning>
{
    [JsonConstructor]
    internal JobAttemptWarning()
    {
    }

    /// <summary>Machine-readable warning code.</summary>
    [JsonPropertyName("code")]
    [JsonInclude]
    public string? Code { get; internal set; }

    /// <summary>Human-readable warning message.</summary>
    [JsonPropertyName("message")]
    [JsonInclude]
    public string? Message { get; internal set; }

    /// <summary>Additional warning details.</summary>
    [JsonPropertyName("details")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Details { get; internal set; }
}
