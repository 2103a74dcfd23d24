using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for tests and mocks.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Builds an <see cref="FineTuning.IngestionJobRun"/>.</summary>
    /// <param name="jobId">The id of the job the run belongs to.</param>
    /// <param name="runId">The id of the run.</param>
    /// <param name="status">The state of the run.</param>
    /// <param name="error">Why the run failed.</param>
    /// <param name="warnings">Warnings raised by the run.</param>
    /// <param name="progress">The progress of the run's stages.</param>
    /// <returns>The run.</returns>
    public static IngestionJobRun IngestionJobRun(
        string? jobId = null,
        string? runId = null,
        IngestionOperationState? status = null,
        IngestionError? error = null,
        IEnumerable<string>? warnings = null,
        IngestionJobProgress? progress = null) =>
        new()
        {
            JobId = jobId,
            RunId = runId,
            Status = status,
            Error = error,
            Warnings = warnings?.ToList(),
            Progress = progress,
        };

    /// <summary>Builds an <see cref="FineTuning.IngestionError"/>.</summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerErrors">The underlying errors.</param>
    /// <returns>The error.</returns>
    public static IngestionError IngestionError(string? message = null, IEnumerable<string>? innerErrors = null) =>
        new() { Message = message, InnerErrors = innerErrors?.ToList() };

    /// <summary>Builds an <see cref="FineTuning.IngestionJobProgress"/>.</summary>
    /// <param name="stageProgress">The progress of each stage, in order.</param>
    /// <returns>The progress.</returns>
    public static IngestionJobProgress IngestionJobProgress(IEnumerable<IngestionJobStageProgress>? stageProgress = null) =>
        new() { StageProgress = stageProgress?.ToList() ?? (IReadOnlyList<IngestionJobStageProgress>)Array.Empty<IngestionJobStageProgress>() };

    /// <summary>Builds an <see cref="FineTuning.IngestionJobStageProgress"/>.</summary>
    /// <param name="name">The name of the stage.</param>
    /// <param name="totalItems">How many items the stage has to process.</param>
    /// <param name="processedItems">How many items the stage has processed.</param>
    /// <param name="state">The state of the stage.</param>
    /// <param name="subStageProgress">The progress of the stage's own stages.</param>
    /// <returns>The stage progress.</returns>
    public static IngestionJobStageProgress IngestionJobStageProgress(
        string? name = null,
        int? totalItems = null,
        int? processedItems = null,
        IngestionOperationState? state = null,
        IEnumerable<IngestionJobStageProgress>? subStageProgress = null) =>
        new()
        {
            Name = name,
            TotalItems = totalItems,
            ProcessedItems = processedItems,
            State = state,
            SubStageProgress = subStageProgress?.ToList(),
        };
}
