using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    private const string WatchOperation = "TrainingJobsClient.Watch";
    private static readonly TimeSpan s_defaultJobPollingInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_maximumJobPollingDelay = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Polls a job until it reaches a terminal status (<c>Completed</c>, <c>Failed</c>, <c>Canceled</c>; see
    /// <see cref="TrainingJobStatus.IsTerminal"/>) and returns it.
    /// A failed job is returned, not thrown: inspect its status and its latest attempt's error.
    /// </summary>
    /// <remarks>
    /// Between polls it waits <paramref name="pollingInterval"/>, or longer when the service asks for more
    /// (<c>Retry-After</c>, <c>retry-after-ms</c>; at most 5 minutes). Without an interval it follows the service's
    /// hint, but never polls sooner than 100 milliseconds, and waits 10 seconds when the service does not say.
    /// </remarks>
    /// <param name="name">The job name.</param>
    /// <param name="pollingInterval">The shortest wait between polls; when null, as the service asks, else 10 seconds.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    /// <returns>The job in its terminal status.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <paramref name="pollingInterval"/> is not positive.</exception>
    /// <exception cref="RequestFailedException">Polling failed.</exception>
    public virtual Task<Response<TrainingJob>> WaitForCompletionAsync(string name, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForCompletionCoreAsync(name, pollingInterval, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="WaitForCompletionAsync"/>
    public virtual Response<TrainingJob> WaitForCompletion(string name, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default) =>
        WaitForCompletionCoreAsync(name, pollingInterval, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Watches a job: yields its status whenever it changes and every new metric point, from its latest attempt on (each
    /// point once, with its <see cref="TrainingJobUpdate.AttemptId"/>), polling every 10 seconds (or as the service's
    /// <c>Retry-After</c> asks, never sooner than 100 milliseconds), and ends after the job reaches a terminal status.
    /// It follows a retried or preempted job across attempts: when a newer attempt started since the last poll, the
    /// points the previous one logged after that poll come first, then each newer attempt's. While the job is still
    /// waiting to start (<see cref="TrainingJobStatus.IsWaitingToStart"/>, also between two attempts) only its status is
    /// read. An attempt or metric the service sends without a usable id or name (none, empty, <c>..</c>, ...) cannot be
    /// read: it is skipped with a warning on the <c>Foundry-Training</c> event source, and the watch goes on.
    /// </summary>
    /// <param name="name">The job name.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, in the order they were observed.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">Reading the job failed.</exception>
    public virtual IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, CancellationToken cancellationToken = default) =>
        WatchAsync(name, (TimeSpan?)null, cancellationToken);

    /// <summary>Watches a job as <see cref="WatchAsync(string, CancellationToken)"/>, polling at the given interval.</summary>
    /// <param name="name">The job name.</param>
    /// <param name="pollingInterval">
    /// The shortest wait between polls (longer only when the service's <c>Retry-After</c> asks for more, at most 5
    /// minutes); when null, as <see cref="WatchAsync(string, CancellationToken)"/>.
    /// </param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, in the order they were observed.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <paramref name="pollingInterval"/> is not positive.</exception>
    /// <exception cref="RequestFailedException">Reading the job failed.</exception>
    public virtual IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, TimeSpan? pollingInterval, CancellationToken cancellationToken = default)
    {
        PathSegment.Assert(name, nameof(name));
        AssertInterval(pollingInterval);
        return TracedWatchAsync(name, pollingInterval, includeLogs: false, cancellationToken);
    }

    /// <summary>
    /// Watches a job as <see cref="WatchAsync(string, CancellationToken)"/>, as <paramref name="options"/> say: at their
    /// polling interval and, with <see cref="TrainingJobWatchOptions.IncludeLogs"/>, with every new line of the job's
    /// logs in the same stream (<see cref="TrainingJobUpdateKind.LogLine"/>, read on each poll after the attempt's
    /// metrics, as <see cref="StreamLogsAsync"/> reads them: from the latest attempt on, each line once, the last ones
    /// before the watch ends). Across attempts, each attempt's points and lines come before the next attempt's: the
    /// stream's <see cref="TrainingJobUpdate.AttemptId"/> moves to a newer attempt once and never back.
    /// </summary>
    /// <param name="name">The job name.</param>
    /// <param name="options">How to watch.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The updates, in the order they were observed.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot be a path segment, <paramref name="options"/> is null, or its polling interval is not positive.</exception>
    /// <exception cref="RequestFailedException">Reading the job or its logs failed.</exception>
    public virtual IAsyncEnumerable<TrainingJobUpdate> WatchAsync(string name, TrainingJobWatchOptions options, CancellationToken cancellationToken = default)
    {
        PathSegment.Assert(name, nameof(name));
        Argument.AssertNotNull(options, nameof(options));
        if (options.PollingInterval is TimeSpan interval)
        {
            Argument.AssertPositive(interval, "options.PollingInterval");
        }

        return TracedWatchAsync(name, options.PollingInterval, options.IncludeLogs, cancellationToken);
    }

    /// <summary>One span for the whole watch, ending with the enumeration; it carries the last status seen.</summary>
    private async IAsyncEnumerable<TrainingJobUpdate> TracedWatchAsync(string name, TimeSpan? pollingInterval, bool includeLogs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using OperationScope scope = OperationScope.Start(WatchOperation, name);
        await using IAsyncEnumerator<TrainingJobUpdate> updates = WatchCoreAsync(name, pollingInterval, includeLogs, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            TrainingJobUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                update = updates.Current;
            }
            catch (Exception ex)
            {
                scope.Failed(ex);
                throw;
            }

            if (update.Kind == TrainingJobUpdateKind.StatusChanged)
            {
                scope.SetStatus(update.Status);
            }

            yield return update;
        }
    }

    private async ValueTask<Response<TrainingJob>> WaitForCompletionCoreAsync(string name, TimeSpan? pollingInterval, bool async, CancellationToken cancellationToken)
    {
        PathSegment.Assert(name, nameof(name));
        AssertInterval(pollingInterval);
        using OperationScope scope = OperationScope.Start("TrainingJobsClient.WaitForCompletion", name);
        try
        {
            while (true)
            {
                Response<TrainingJob> job = await GetCoreAsync(name, async, cancellationToken).ConfigureAwait(false);
                string? status = TrainingJobStates.StatusOf(job.Value);
                scope.SetStatus(status);
                if (TrainingJobStatus.IsTerminal(status))
                {
                    return job;
                }

                await Delay.WaitAsync(NextJobPoll(job.GetRawResponse(), pollingInterval), _pipeline.Time, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private async IAsyncEnumerable<TrainingJobUpdate> WatchCoreAsync(string name, TimeSpan? pollingInterval, bool includeLogs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var metrics = new MetricCursor();
        LogTail? logs = null;
        string? lastStatus = null;
        bool first = true;
        while (true)
        {
            Response<TrainingJob> response = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            TrainingJob job = response.Value;
            string? status = TrainingJobStates.StatusOf(job);
            bool ended = TrainingJobStatus.IsTerminal(status);
            if (first || !string.Equals(status, lastStatus, StringComparison.Ordinal))
            {
                first = false;
                lastStatus = status;
                yield return TrainingJobUpdate.StatusChanged(job, status);
            }

            // A job that has not started has no metrics, and often no attempt: reading attempts/latest would only
            // earn a 404, which Azure.Core logs as a warning on every poll.
            if (!TrainingJobStatus.IsWaitingToStart(status))
            {
                // One look-up of the latest attempt, and at most one listing of the attempts, per poll serve the
                // metrics and the logs alike; each attempt is read whole (points, then lines) before the next, so
                // the stream moves on to a newer attempt once and never back.
                string? latest = await TryGetLatestAttemptIdAsync(name, WatchOperation, includeLogs ? "its metrics and logs are" : "its metrics are", cancellationToken).ConfigureAwait(false);
                foreach (string attempt in await AttemptsToReadAsync(name, metrics.AttemptId, latest, cancellationToken).ConfigureAwait(false))
                {
                    bool moved = metrics.MoveTo(attempt);
                    foreach (TrainingJobUpdate update in await ReadNewMetricPointsAsync(name, attempt, metrics, cancellationToken).ConfigureAwait(false))
                    {
                        yield return update;
                    }

                    if (includeLogs)
                    {
                        // A tail of this one attempt: read to its end (last line too) once it is not the latest.
                        logs = moved || logs is null ? new LogTail(this, _ranges, name, attempt, resumeFrom: null) : logs;
                        await foreach (TrainingLogLine line in logs.ReadAsync(latest, ended, cancellationToken).ConfigureAwait(false))
                        {
                            yield return TrainingJobUpdate.LogLineReceived(line);
                        }
                    }
                }
            }

            if (ended)
            {
                yield break;
            }

            await Delay.WaitAsync(NextJobPoll(response.GetRawResponse(), pollingInterval), _pipeline.Time, async: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The attempts a watch reads on this poll, oldest first: the latest alone on the first read, or while it is still
    /// the <paramref name="current"/> one; the current one while the service names no usable <paramref name="latest"/>
    /// (none before the first); and when the service started a newer attempt since the last poll (a retry, a
    /// preemption), the current one — to finish what it logged after that poll — then every attempt after it, up to the latest.
    /// </summary>
    private async Task<List<string>> AttemptsToReadAsync(string name, string? current, string? latest, CancellationToken cancellationToken)
    {
        if (latest is null || current is null || current == latest)
        {
            string? only = latest ?? current;
            return only is null ? new List<string>() : new List<string> { only };
        }

        List<string> attempts = await AttemptsAfterAsync(name, current, latest, WatchOperation, cancellationToken).ConfigureAwait(false);
        attempts.Insert(0, current);
        return attempts;
    }

    /// <summary>
    /// The points of one attempt that <paramref name="cursor"/> (standing on it) has not seen yet, each metric's in
    /// order. A metric the service sent without a usable name (none, empty, <c>..</c>, ...) cannot be read: it is
    /// skipped and logged (<see cref="FoundryTrainingEventSource.ServiceItemSkipped"/>) and the watch goes on; service
    /// data never reaches the argument checks meant for callers.
    /// </summary>
    private async Task<List<TrainingJobUpdate>> ReadNewMetricPointsAsync(string name, string attemptId, MetricCursor cursor, CancellationToken cancellationToken)
    {
        var updates = new List<TrainingJobUpdate>();
        await foreach (JobMetric metric in GetMetricsAsync(name, attemptId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Unaddressable(metric.Name, "name") is string metricProblem)
            {
                FoundryTrainingEventSource.Singleton.ServiceItemSkipped(WatchOperation, $"a metric the service sent for attempt '{attemptId}' of job '{name}'", metricProblem);
                continue;
            }

            var query = new MetricQueryOptions { MinStep = cursor.NextStep(metric.Name) };
            await foreach (JobMetricPoint point in GetMetricPointsAsync(name, attemptId, metric.Name, query, cancellationToken).ConfigureAwait(false))
            {
                if (cursor.IsNew(metric.Name, point))
                {
                    updates.Add(TrainingJobUpdate.MetricPointReceived(attemptId, metric.Name, point));
                }
            }
        }

        return updates;
    }

    /// <summary>
    /// The id of the job's latest attempt, or null while it has none (404 — a status the watch does not know as "not
    /// started" yet, or a job that has only just started: an expected answer, not logged as an error response, not
    /// thrown, and the span is not marked failed), or when the service sent one without a usable id (none, empty,
    /// <c>..</c>, ...): that is skipped and logged for <paramref name="operation"/> (saying what <paramref name="unread"/>
    /// not read on this poll), and the caller tries again on its next poll.
    /// </summary>
    internal async Task<string?> TryGetLatestAttemptIdAsync(string name, string operation, string unread, CancellationToken cancellationToken)
    {
        NullableResponse<JobAttempt> latest = await GetAttemptIfExistsCoreAsync(name, LatestAttempt, async: true, cancellationToken).ConfigureAwait(false);
        if (!latest.HasValue)
        {
            return null;
        }

        JobAttempt attempt = latest.Value!;
        if (Unaddressable(attempt.Id, "id") is string problem)
        {
            FoundryTrainingEventSource.Singleton.ServiceItemSkipped(operation, $"the latest attempt the service sent for job '{name}' ({unread} not read on this poll)", problem);
            return null;
        }

        return attempt.Id;
    }

    /// <summary>
    /// The attempts after <paramref name="current"/>, oldest first, up to <paramref name="latest"/> (always the last):
    /// the ones a follower standing on <paramref name="current"/> has to read, in turn, to reach the latest. An attempt
    /// listed without a usable id is skipped and logged for <paramref name="operation"/>.
    /// </summary>
    internal async Task<List<string>> AttemptsAfterAsync(string name, string current, string latest, string operation, CancellationToken cancellationToken)
    {
        var newer = new List<string>();
        var options = new TrainingListOptions { Order = ListSortOrder.Ascending, After = current };
        await foreach (JobAttempt attempt in GetAttemptsAsync(name, options, cancellationToken).ConfigureAwait(false))
        {
            if (Unaddressable(attempt.Id, "id") is string problem)
            {
                FoundryTrainingEventSource.Singleton.ServiceItemSkipped(operation, $"an attempt the service listed for job '{name}'", problem);
                continue;
            }

            if (attempt.Id != current && !newer.Contains(attempt.Id))
            {
                newer.Add(attempt.Id);
            }

            if (attempt.Id == latest)
            {
                break;
            }
        }

        if (!newer.Contains(latest))
        {
            newer.Add(latest);
        }

        return newer;
    }

    /// <summary>Why a value the service sent cannot name a resource in a path, or null when it can.</summary>
    internal static string? Unaddressable(string? value, string property) =>
        value is null ? $"it has no {property}." : PathSegment.Problem(value) is string problem ? $"its {property} cannot name it in a URL. {problem}" : null;

    private TimeSpan NextJobPoll(Response response, TimeSpan? pollingInterval) =>
        Delay.ForNextPoll(response, pollingInterval, s_defaultJobPollingInterval, s_maximumJobPollingDelay, _pipeline.Time);

    private static void AssertInterval(TimeSpan? pollingInterval)
    {
        if (pollingInterval is TimeSpan interval)
        {
            Argument.AssertPositive(interval, nameof(pollingInterval));
        }
    }

    /// <summary>What a watch has already reported, per metric of the current attempt.</summary>
    private sealed class MetricCursor
    {
        private readonly Dictionary<string, long> _lastStep = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seenWithoutStep = new(StringComparer.Ordinal);
        private string? _attemptId;

        /// <summary>The attempt whose points are being read; null before the first.</summary>
        public string? AttemptId => _attemptId;

        /// <summary>A new attempt starts its steps over; true when <paramref name="attemptId"/> is not the one read so far.</summary>
        public bool MoveTo(string attemptId)
        {
            if (string.Equals(attemptId, _attemptId, StringComparison.Ordinal))
            {
                return false;
            }

            _attemptId = attemptId;
            _lastStep.Clear();
            _seenWithoutStep.Clear();
            return true;
        }

        /// <summary>The step to ask for next: after the last one seen, or that one again at <see cref="long.MaxValue"/> (never a wrapped negative step).</summary>
        public long? NextStep(string metric) =>
            _lastStep.TryGetValue(metric, out long step) ? (step < long.MaxValue ? step + 1 : step) : null;

        public bool IsNew(string metric, JobMetricPoint point)
        {
            if (point.Step is long step)
            {
                if (_lastStep.TryGetValue(metric, out long last) && step <= last)
                {
                    return false;
                }

                _lastStep[metric] = step;
                return true;
            }

            return _seenWithoutStep.Add(metric + "\n" + point.MetricId + "\n" + point.CreatedAt?.ToUnixTimeMilliseconds());
        }
    }
}
