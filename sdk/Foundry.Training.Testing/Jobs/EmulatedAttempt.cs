using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

/// <summary>
/// One attempt of an emulated Foundry training job: its id, status and times, the metric points it logged, the files it
/// wrote and its log (<see cref="LogPath"/>), which grows a line at a time while the attempt runs and is complete when
/// it ends. An attempt exists from the moment it starts running. Not thread-safe: the owning service serializes access.
/// </summary>
internal sealed class EmulatedAttempt
{
    /// <summary>Where each attempt writes its standard output, as the service's runtime does.</summary>
    public const string LogPath = "logs/std_log.txt";

    private readonly Dictionary<string, EmulatedMetric> _metrics = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _metricNames;
    private readonly StringBuilder _log = new();
    private readonly EmulatedArtifact _logFile;
    private ResponseBody? _logSnapshot;

    public EmulatedAttempt(string id, uint seed, IReadOnlyList<string> metricNames, DateTimeOffset queuedAt, DateTimeOffset startedAt, int resumedAfterStep)
    {
        Id = id;
        Seed = seed;
        QueuedAt = queuedAt;
        StartedAt = startedAt;
        CompletedSteps = resumedAfterStep;
        _metricNames = metricNames;
        foreach (string metric in metricNames)
        {
            _metrics[metric] = new EmulatedMetric(metric);
        }

        _logFile = new EmulatedArtifact(LogPath, "text/plain", startedAt, ReadLog, grows: true);
        Artifacts[LogPath] = _logFile;
    }

    /// <summary><c>1</c>, <c>2</c>, ... in the order the attempts started.</summary>
    public string Id { get; }

    /// <summary>What this attempt's metric noise and weights are drawn from: each attempt differs.</summary>
    public uint Seed { get; }

    /// <summary>When the attempt was queued: the job's creation for the first, the end of the one before for later ones.</summary>
    public DateTimeOffset QueuedAt { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary><c>running</c> until the attempt ends <c>completed</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public JobAttemptStatus Status { get; private set; } = JobAttemptStatus.Running;

    /// <summary>Why the attempt ended as it did (the service's <c>status_reason</c>); null while running and on completion.</summary>
    public string? EndReason { get; private set; }

    public JobAttemptError? Error { get; private set; }

    /// <summary>The last training step done, counted over the whole job (a resumed attempt starts after its checkpoint).</summary>
    public int CompletedSteps { get; private set; }

    public bool HasEnded => EndedAt is not null;

    public IEnumerable<EmulatedMetric> Metrics => _metricNames.Select(n => _metrics[n]);

    public SortedDictionary<string, EmulatedArtifact> Artifacts { get; } = new(StringComparer.Ordinal);

    public EmulatedMetric? Metric(string name) => _metrics.TryGetValue(name, out EmulatedMetric? metric) ? metric : null;

    /// <summary>Marks one more training step done.</summary>
    public int NextStep() => ++CompletedSteps;

    public void AddPoint(string metric, int step, DateTimeOffset at, double value) => _metrics[metric].Points.Add((step, at, value));

    /// <summary>Appends a time-stamped line to the log: its length grows, so its <c>ETag</c> changes.</summary>
    public void WriteLog(DateTimeOffset at, string line)
    {
        _log.Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
        _logSnapshot = null;
        _logFile.UpdatedAt = at;
    }

    public void End(JobAttemptStatus status, DateTimeOffset at, JobAttemptError? error = null, string? reason = null)
    {
        Status = status;
        EndedAt = at;
        Error = error;
        EndReason = reason ?? error?.Message;
    }

    /// <summary>The log as it is now, kept until the next line so that repeated reads share one body (and one MD5).</summary>
    private ResponseBody ReadLog() => _logSnapshot ??= ResponseBody.FromBytes(Encoding.UTF8.GetBytes(_log.ToString()));
}
