using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Error details for an asynchronous training job operation. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobOperationError : ExtensibleModel<JobOperationError>
{
    [JsonConstructor]
    internal JobOperationError()
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

    /// <summary>Additional error information.</summary>
    [JsonPropertyName("details")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Details { get; internal set; }
}
