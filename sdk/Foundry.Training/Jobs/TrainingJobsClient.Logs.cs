using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>
    /// Lists the log files of an attempt: the files under its <c>user_logs/</c>, <c>system_logs/</c> and <c>logs/</c>
    /// artifact folders (for example <c>user_logs/std_log.txt</c>), found through the artifacts routes.
    /// </summary>
    /// <param name="name">The job name.</param>
    /// <param name="attemptId">The attempt; the job's latest attempt when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The log files, ordered by path.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="attemptId"/> cannot be a path segment: null (<paramref name="name"/>), empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 when the job has no attempt yet), or sent an attempt without a usable id.</exception>
    public virtual Task<IReadOnlyList<TrainingLogFile>> GetLogsAsync(string name, string? attemptId = null, CancellationToken cancellationToken = default) =>
        GetLogsCoreAsync(name, attemptId, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetLogsAsync"/>
    public virtual IReadOnlyList<TrainingLogFile> GetLogs(string name, string? attemptId = null, CancellationToken cancellationToken = default) =>
        GetLogsCoreAsync(name, attemptId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Streams the lines of a job's logs (every file <see cref="GetLogsAsync"/> lists) as they are written: each pass
    /// reads every file on from where the last one stopped with ranged reads of its content URI, picks up new files, and
    /// moves on to each newer attempt as it appears (after finishing the older one). With <paramref name="follow"/> it
    /// polls until the job has ended and every file is read to its end; without, it reads what exists and ends.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Files are read one after the other, in path order, each from its last line start: a broken connection is read
    /// again from there, so no line is lost or repeated. A line still being written (no line break yet) is held back
    /// until it is complete, or until its file can no longer grow (the job ended, or a newer attempt started).
    /// Pass a line's <see cref="TrainingLogLine.Position"/> as <paramref name="resumeFrom"/> to go on after it.
    /// </para>
    /// <para>
    /// Memory stays bounded: a body is read as it arrives, never whole, and a line longer than
    /// <see cref="TrainingLogPosition.MaximumLineBytes"/> (1 MiB) is cut there
    /// (<see cref="TrainingLogLine.ContinuesOnNextLine"/>). A file's <c>ETag</c> changes with every append, so a new one
    /// means nothing; a file that becomes shorter than what was read of it was replaced, and is read again from its
    /// start (its lines' <see cref="TrainingLogLine.Offset"/> starts over at 0), at most 3 times in a pass.
    /// </para>
    /// </remarks>
    /// <param name="name">The job name.</param>
    /// <param name="attemptId">The one attempt to read (the stream ends once a newer attempt exists or the job ends); the latest and every newer attempt when null.</param>
    /// <param name="follow">Whether to keep reading until the job ends (true), or read what exists and end (false).</param>
    /// <param name="resumeFrom">Where an earlier stream stopped (a line's <see cref="TrainingLogLine.Position"/>); the start of the files when null.</param>
    /// <param name="pollingInterval">The shortest wait between passes (longer only when the service's <c>Retry-After</c> asks, at most 5 minutes); when null, as the service asks, else 10 seconds.</param>
    /// <param name="cancellationToken">Stops reading; the wait between passes ends at once.</param>
    /// <returns>The lines, in the order they were read.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="attemptId"/> cannot be a path segment, <paramref name="pollingInterval"/> is not positive, or <paramref name="resumeFrom"/> is a position in another attempt than <paramref name="attemptId"/>.</exception>
    /// <exception cref="RequestFailedException">The service failed, sent a content URI the SDK may not fetch, answered a range with other bytes, or kept breaking the connection without a whole line.</exception>
    public virtual IAsyncEnumerable<TrainingLogLine> StreamLogsAsync(string name, string? attemptId = null, bool follow = true, TrainingLogPosition? resumeFrom = null, TimeSpan? pollingInterval = null, CancellationToken cancellationToken = default)
    {
        PathSegment.Assert(name, nameof(name));
        if (attemptId is not null)
        {
            PathSegment.Assert(attemptId, nameof(attemptId));
            if (resumeFrom is not null && resumeFrom.AttemptId != attemptId)
            {
                throw new ArgumentException($"The position is in attempt '{resumeFrom.AttemptId}', not in attempt '{attemptId}'.", nameof(resumeFrom));
            }
        }

        AssertInterval(pollingInterval);
        return TracedStreamLogsAsync(name, attemptId, follow, resumeFrom, pollingInterval, cancellationToken);
    }

    /// <summary>One span for the whole stream, ending with the enumeration.</summary>
    private async IAsyncEnumerable<TrainingLogLine> TracedStreamLogsAsync(string name, string? attemptId, bool follow, TrainingLogPosition? resumeFrom, TimeSpan? pollingInterval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using OperationScope scope = OperationScope.Start("TrainingJobsClient.StreamLogs", name);
        await using IAsyncEnumerator<TrainingLogLine> lines = StreamLogsCoreAsync(name, attemptId, follow, resumeFrom, pollingInterval, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await lines.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception ex)
            {
                scope.Failed(ex);
                throw;
            }

            yield return lines.Current;
        }
    }

    private async IAsyncEnumerable<TrainingLogLine> StreamLogsCoreAsync(string name, string? attemptId, bool follow, TrainingLogPosition? resumeFrom, TimeSpan? pollingInterval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tail = new LogTail(this, _ranges, name, attemptId, resumeFrom);
        while (true)
        {
            // The status is read before the files: a job that had ended by then has final files.
            Response<TrainingJob> response = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            string? status = TrainingJobStates.StatusOf(response.Value);
            bool ended = TrainingJobStatus.IsTerminal(status);
            if (!TrainingJobStatus.IsWaitingToStart(status))
            {
                await foreach (TrainingLogLine line in tail.ReadAsync(ended, cancellationToken).ConfigureAwait(false))
                {
                    yield return line;
                }
            }

            if (ended || !follow || tail.Finished)
            {
                yield break;
            }

            await Delay.WaitAsync(NextJobPoll(response.GetRawResponse(), pollingInterval), _pipeline.Time, async: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<IReadOnlyList<TrainingLogFile>> GetLogsCoreAsync(string name, string? attemptId, bool async, CancellationToken cancellationToken)
    {
        PathSegment.Assert(name, nameof(name));
        if (attemptId is not null)
        {
            PathSegment.Assert(attemptId, nameof(attemptId));
        }

        using OperationScope scope = OperationScope.Start("TrainingJobsClient.GetLogs", name);
        try
        {
            string attempt = attemptId ?? await LatestAttemptIdAsync(name, async, cancellationToken).ConfigureAwait(false);
            var files = new SortedDictionary<string, TrainingLogFile>(StringComparer.Ordinal);
            foreach (string folder in LogTail.Folders)
            {
                PageFetcher<JobArtifact> fetch = ArtifactsFetcher<JobArtifact>(name, attempt, new ArtifactListOptions { PathPrefix = folder }, "/artifacts", a => a.Path);
                var guard = new PagingGuard(null);
                string? token = null;
                do
                {
                    Page<JobArtifact> page = await fetch(token, null, async, cancellationToken).ConfigureAwait(false);
                    foreach (JobArtifact artifact in page.Values)
                    {
                        // An item without a path (the service may send null) names no log file: it is skipped, as StreamLogs skips it.
                        if (artifact.Type != JobArtifactType.Directory && artifact.Path?.StartsWith(folder, StringComparison.Ordinal) == true)
                        {
                            files[artifact.Path] = new TrainingLogFile(attempt, artifact.Path, artifact.Size, artifact.UpdatedAt);
                        }
                    }

                    token = guard.Next(page);
                }
                while (token is not null);
            }

            return new List<TrainingLogFile>(files.Values);
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    /// <summary>The id of the job's latest attempt; an id the service sends that cannot name it in a URL is a service failure.</summary>
    private async ValueTask<string> LatestAttemptIdAsync(string name, bool async, CancellationToken cancellationToken)
    {
        Response<JobAttempt> latest = await GetAttemptCoreAsync(name, LatestAttempt, async, cancellationToken).ConfigureAwait(false);
        return Unaddressable(latest.Value.Id, "id") is string problem
            ? throw ServiceFailure.Create(latest.GetRawResponse(), $"The service sent the latest attempt of job '{name}', but {problem}", "InvalidAttemptId")
            : latest.Value.Id;
    }
}
