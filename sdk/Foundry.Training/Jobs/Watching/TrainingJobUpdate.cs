namespace Foundry.Training.Jobs;

/// <summary>One event from <c>TrainingJobsClient.WatchAsync</c>: a status change, a new metric point or a new log line.</summary>
public sealed class TrainingJobUpdate
{
    private TrainingJobUpdate(TrainingJobUpdateKind kind, TrainingJob? job, string? status, string? attemptId, string? metricName, JobMetricPoint? point, TrainingLogLine? logLine = null)
    {
        LogLine = logLine;
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

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/> and <see cref="TrainingJobUpdateKind.LogLine"/>: the attempt that emitted the point or wrote the line.</summary>
    public string? AttemptId { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/>: the metric name, for example <c>train/loss</c>.</summary>
    public string? MetricName { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.MetricPoint"/>: the new point.</summary>
    public JobMetricPoint? Point { get; }

    /// <summary>For <see cref="TrainingJobUpdateKind.LogLine"/>: the new log line.</summary>
    public TrainingLogLine? LogLine { get; }

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

    /// <summary>Creates a log-line update (also for mocking <c>WatchAsync</c>).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The update.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="line"/> is null.</exception>
    public static TrainingJobUpdate LogLineReceived(TrainingLogLine line)
    {
        Argument.AssertNotNull(line, nameof(line));
        return new(TrainingJobUpdateKind.LogLine, null, null, line.AttemptId, null, null, line);
    }
}
