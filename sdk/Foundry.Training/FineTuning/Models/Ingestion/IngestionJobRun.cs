using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>One run of an ingestion job. Read-only; build one for tests with <see cref="FineTuningModelFactory.IngestionJobRun"/>.</summary>
public sealed class IngestionJobRun : ExtensibleModel<IngestionJobRun>
{
    /// <summary>The id of the job the run belongs to.</summary>
    [JsonPropertyName("jobId")]
    [JsonInclude]
    public string? JobId { get; internal set; }

    /// <summary>The id of the run.</summary>
    [JsonPropertyName("runId")]
    [JsonInclude]
    public string? RunId { get; internal set; }

    /// <summary>The state of the run, as the service spelled it.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public IngestionOperationState? Status { get; internal set; }

    /// <summary>Why the run failed, when it did.</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public IngestionError? Error { get; internal set; }

    /// <summary>Warnings raised by the run; null when the service sent none.</summary>
    [JsonPropertyName("warnings")]
    [JsonInclude]
    public IReadOnlyList<string>? Warnings { get; internal set; }

    /// <summary>The progress of the run's stages.</summary>
    [JsonPropertyName("progress")]
    [JsonInclude]
    public IngestionJobProgress? Progress { get; internal set; }
}
