namespace Foundry.Training.Jobs;

/// <summary>What a <see cref="TrainingJobUpdate"/> reports.</summary>
public enum TrainingJobUpdateKind
{
    /// <summary>The job's status changed (the first update always reports the current status).</summary>
    StatusChanged = 1,

    /// <summary>A new metric point arrived from the job's latest attempt.</summary>
    MetricPoint = 2,

    /// <summary>A new line of the job's logs (only when <see cref="TrainingJobWatchOptions.IncludeLogs"/> is set).</summary>
    LogLine = 3,
}
