using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The progress of one stage of an ingestion job run (for example <c>Preprocessing</c> or <c>Indexing</c>). Read-only;
/// build one for tests with <see cref="FineTuningModelFactory.IngestionJobStageProgress"/>.
/// </summary>
public sealed class IngestionJobStageProgress : ExtensibleModel<IngestionJobStageProgress>
{
    /// <summary>The name of the stage.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string? Name { get; internal set; }

    /// <summary>How many items the stage has to process.</summary>
    [JsonPropertyName("totalItems")]
    [JsonInclude]
    public int? TotalItems { get; internal set; }

    /// <summary>How many items the stage has processed.</summary>
    [JsonPropertyName("processedItems")]
    [JsonInclude]
    public int? ProcessedItems { get; internal set; }

    /// <summary>The state of the stage, as the service spelled it.</summary>
    [JsonPropertyName("state")]
    [JsonInclude]
    public IngestionOperationState? State { get; internal set; }

    /// <summary>The progress of the stage's own stages; null when the service sent none.</summary>
    [JsonPropertyName("subStageProgress")]
    [JsonInclude]
    public IReadOnlyList<IngestionJobStageProgress>? SubStageProgress { get; internal set; }
}
