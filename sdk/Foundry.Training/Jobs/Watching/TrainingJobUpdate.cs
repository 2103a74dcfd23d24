namespace Foundry.Training.Jobs;

/// <summary>One event from <c>TrainingJobsClient.WatchAsync</c>: a status change or a new metric point.</summary>
public sealed class TrainingJobUpdate
{
    private TrainingJobUpdate(TrainingJobUpdateKind kind, TrainingJob? job, string? status, string? attemptId, string? metricName, JobMetricPoint? point)
    {
        Kind = kind;
        Job = job;
        Status = status;
        AttemptId = attemptId;
        MetricName = metricName;
        Point = point;
    }

    /// <summary>What this update reports.</summary>
    public TrainingJobUpdateKind Kind { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.StatusChanged"/>: the job as read when its status changed.</summary>
    public TrainingJob? Job { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.StatusChanged"/>: the new status (for example <c>Running</c>).</summary>
    public string? Status { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/>: the attempt that emitted the point.</summary>
    public string? AttemptId { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/>: the metric name, for example <c>train/loss</c>.</summary>
    public string? MetricName { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/>: the new point.</summary>
    public JobMetricPoint? Point { get; }

    /// <summary>Creates a status-change update (also for mocking <c>WatchAsync</c>).</summary>
    /// <param name="job">The job as read.</param>
    /// <param name="status">Its status.</param>
    /// <returns>The update.</returns>
    public static TrainingJobUpdate StatusChanged(TrainingJob job, string? status) =>
        new(TrainingJobUpdateKind.StatusChanged, job, status, null, null, null);

    /// <summary>Creates a metric-point update (also for mocking <c>WatchAsync</c>).</summary>
    /// <param name="attemptId">The attempt that emitted the point.</param>
    /// <param name="metricName">The metric name.</param>
    /// <param name="point">The point.</param>
    /// <returns>The update.</returns>
    public static TrainingJobUpdate MetricPointReceived(string attemptId, string metricName, JobMetricPoint point) =>
        new(TrainingJobUpdateKind.MetricPoint, null, null, attemptId, metricName, point);
}
