using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Why an ingestion job run failed. Read-only; build one for tests with <see cref="FineTuningModelFactory.IngestionError"/>.</summary>
public sealed class IngestionError : ExtensibleModel<IngestionError>
{
    /// <summary>The error message.</summary>
    [JsonPropertyName("message")]
    [JsonInclude]
    public string? Message { get; internal set; }

    /// <summary>The underlying errors; null when the service sent none.</summary>
    [JsonPropertyName("innerErrors")]
    [JsonInclude]
    public IReadOnlyList<string>? InnerErrors { get; internal set; }
}
