using System;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// One run of an ingestion job, played from its start time: <c>notRunning</c> for a step, then the
/// <c>Preprocessing</c> stage and the <c>Indexing</c> stage, each working through the data source's items at
/// <see cref="ItemsPerStep"/> a step, then <c>succeeded</c>. A run meant to fail stops halfway through
/// <c>Preprocessing</c> with <c>failed</c> and an error. Immutable: its state is a function of the clock.
/// </summary>
internal sealed class EmulatedIngestionRun
{
    public const int ItemsPerStep = 4;

    private readonly TimeSpan _interval;
    private readonly int _stageSteps;
    private readonly IngestionError? _failure;

    public EmulatedIngestionRun(string jobId, string runId, DateTimeOffset startedAt, TimeSpan interval, int items, IngestionError? failure)
    {
        JobId = jobId;
        RunId = runId;
        StartedAt = startedAt;
        Items = items;
        _interval = interval;
        _stageSteps = Math.Max(1, (items + ItemsPerStep - 1) / ItemsPerStep);
        _failure = failure;
    }

    public string JobId { get; }

    public string RunId { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The documents (or URLs) each stage processes.</summary>
    public int Items { get; }

    /// <summary>The step of Preprocessing a failing run fails at.</summary>
    private int FailAtStep => (_stageSteps + 1) / 2;

    public bool IsFinished(DateTimeOffset now) => Steps(now) >= (_failure is null ? 2 * _stageSteps : FailAtStep);

    /// <summary>The run as the service describes it at <paramref name="now"/>.</summary>
    public IngestionJobRun ToModel(DateTimeOffset now)
    {
        int steps = Steps(now);
        IngestionJobStageProgress preprocessing;
        IngestionJobStageProgress indexing;
        IngestionOperationState status;
        IngestionError? error = null;
        if (_failure is not null && steps >= FailAtStep)
        {
            preprocessing = Stage("Preprocessing", Math.Min(Items, (FailAtStep - 1) * ItemsPerStep), IngestionOperationState.Failed);
            indexing = Stage("Indexing", 0, IngestionOperationState.NotRunning);
            status = IngestionOperationState.Failed;
            error = _failure;
        }
        else
        {
            preprocessing = StageAt("Preprocessing", steps);
            indexing = StageAt("Indexing", steps - _stageSteps);
            status = steps == 0 ? IngestionOperationState.NotRunning
                : steps >= 2 * _stageSteps ? IngestionOperationState.Succeeded
                : IngestionOperationState.Running;
        }

        return FineTuningModelFactory.IngestionJobRun(
            jobId: JobId,
            runId: RunId,
            status: status,
            error: error,
            progress: FineTuningModelFactory.IngestionJobProgress(new[] { preprocessing, indexing }));
    }

    private int Steps(DateTimeOffset now) => now <= StartedAt ? 0 : (int)Math.Min(int.MaxValue, (now - StartedAt).Ticks / _interval.Ticks);

    /// <summary>A stage <paramref name="steps"/> steps after it could start (none yet when not positive).</summary>
    private IngestionJobStageProgress StageAt(string name, int steps)
    {
        if (steps <= 0)
        {
            return Stage(name, 0, IngestionOperationState.NotRunning);
        }

        int processed = (int)Math.Min(Items, (long)steps * ItemsPerStep);
        return Stage(name, processed, processed == Items ? IngestionOperationState.Succeeded : IngestionOperationState.Running);
    }

    private IngestionJobStageProgress Stage(string name, int processed, IngestionOperationState state) =>
        FineTuningModelFactory.IngestionJobStageProgress(name: name, totalItems: Items, processedItems: processed, state: state);
}
