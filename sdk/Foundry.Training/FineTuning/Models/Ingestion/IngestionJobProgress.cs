using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The progress of an ingestion job run. Read-only; build one for tests with <see cref="FineTuningModelFactory.IngestionJobProgress"/>.</summary>
public sealed class IngestionJobProgress : ExtensibleModel<IngestionJobProgress>
{
    /// <summary>The progress of each stage of the run, in order.</summary>
    [JsonPropertyName("stageProgress")]
    [JsonInclude]
    public IReadOnlyList<IngestionJobStageProgress> StageProgress { get; internal set; } = Array.Empty<IngestionJobStageProgress>();
}
