using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Jobs;

/// <summary>
/// Tails the log files of a job: each pass lists the log files of the attempt being read and reads every file on from
/// where the last pass stopped, with ranged reads (<see cref="RangeReader"/>; 416 is "nothing new"). It moves on to
/// newer attempts as they appear (unless it reads one named attempt), finishing the older one first. Its offsets only
/// ever stand at line starts, so a line is never handed out twice, and nothing is held between passes.
/// </summary>
internal sealed class LogTail
{
    /// <summary>The artifact folders that hold an attempt's logs: Azure ML's <c>user_logs/</c> and <c>system_logs/</c>, and <c>logs/</c>.</summary>
    internal static readonly string[] Folders = { "user_logs/", "system_logs/", "logs/" };

    private const string Operation = "TrainingJobsClient.StreamLogs";
    private const int BufferSize = 64 * 1024;

    private readonly TrainingJobsClient _client;
    private readonly RangeReader _ranges;
    private readonly string _jobName;
    private readonly string? _namedAttempt;
    private readonly LogLineSplitter _splitter = new();
    private readonly List<SplitLine> _lines = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private Dictionary<string, long> _offsets = new(StringComparer.Ordinal);
    private string? _attempt;

    /// <param name="client">The client whose routes list attempts and artifacts.</param>
    /// <param name="ranges">Reads ranges of the files' content URIs.</param>
    /// <param name="jobName">The job.</param>
    /// <param name="attemptId">The one attempt to read, or null to read the latest and every newer one.</param>
    /// <param name="resumeFrom">Where an earlier stream stopped, or null to read the files from their start.</param>
    public LogTail(TrainingJobsClient client, RangeReader ranges, string jobName, string? attemptId, TrainingLogPosition? resumeFrom)
    {
        _client = client;
        _ranges = ranges;
        _jobName = jobName;
        _namedAttempt = attemptId;
        _attempt = attemptId ?? resumeFrom?.AttemptId;
        if (resumeFrom is not null)
        {
            _offsets = resumeFrom.Offsets.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>Whether a named attempt has been read to its end (it was superseded, or the job ended).</summary>
    public bool Finished { get; private set; }

    /// <summary>
    /// One pass: the lines written since the last one. <paramref name="jobEnded"/> says the job had ended before the pass
    /// began, so its files are final: a last line without a line break is handed out too.
    /// </summary>
    public async IAsyncEnumerable<TrainingLogLine> ReadAsync(bool jobEnded, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? latest = await _client.TryGetLatestAttemptIdAsync(_jobName, Operation, "its logs are", cancellationToken).ConfigureAwait(false);
        await foreach (TrainingLogLine line in ReadAsync(latest, jobEnded, cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }
    }

    /// <summary>
    /// One pass, as <see cref="ReadAsync(bool, CancellationToken)"/>, given the job's latest attempt as the caller read
    /// it on this poll (null while there is none, or none with a usable id): a watch reads it once for metrics and logs.
    /// </summary>
    public async IAsyncEnumerable<TrainingLogLine> ReadAsync(string? latest, bool jobEnded, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_namedAttempt is not null || _attempt is null || latest is null || latest == _attempt)
        {
            _attempt ??= latest;
            if (_attempt is null)
            {
                Finished = jobEnded;
                yield break;
            }

            // A named attempt is over when a newer one exists.
            bool final = jobEnded || (latest is not null && latest != _attempt);
            await foreach (TrainingLogLine line in ReadAttemptAsync(final, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }

            Finished = final;
            yield break;
        }

        // Newer attempts: finish this one, then read each newer one in turn.
        List<string> newer = await _client.AttemptsAfterAsync(_jobName, _attempt, latest, Operation, cancellationToken).ConfigureAwait(false);
        await foreach (TrainingLogLine line in ReadAttemptAsync(final: true, cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }

        foreach (string attempt in newer)
        {
            _attempt = attempt;
            _offsets = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (TrainingLogLine line in ReadAttemptAsync(jobEnded || attempt != latest, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }

        Finished = jobEnded;
    }

    private async IAsyncEnumerable<TrainingLogLine> ReadAttemptAsync(bool final, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string attempt = _attempt!;
        foreach (KeyValuePair<string, Uri> file in await ListFilesAsync(attempt, cancellationToken).ConfigureAwait(false))
        {
            await foreach (TrainingLogLine line in ReadFileAsync(attempt, file.Key, file.Value, final, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Reads one file on from its offset. A broken connection is read again from the last line start. Its <c>ETag</c>
    /// is not held against it: storage gives an appended file a new one on every append. A file that became shorter
    /// than what was read of it was replaced: it is read again from its start.
    /// </summary>
    private async IAsyncEnumerable<TrainingLogLine> ReadFileAsync(string attempt, string path, Uri uri, bool final, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The offsets of the other files, as they stand while this one is read: the positions of its lines share them
        // (copied at its first line: most passes find nothing new).
        Dictionary<string, long>? before = null;
        long offset = _offsets.TryGetValue(path, out long saved) ? saved : 0;
        var read = new ResumableRead($"Reading the log file '{path}' of attempt '{attempt}'", "LogReadIncomplete");
        int restarts = 0;
        while (true)
        {
            bool replaced = false;
            RangeResponse response = await _ranges.ReadAsync(uri, path, offset, null, ifMatch: null, async: true, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                long skip = 0;
                if (response.PastEnd)
                {
                    if (response.TotalLength < 0 || response.TotalLength >= offset)
                    {
                        yield break; // Nothing new.
                    }

                    replaced = true;
                }
                else if (!response.Ranged)
                {
                    skip = offset; // A server that ignores ranges sends the whole file: pass over what was read.
                }

                if (!replaced)
                {
                    _splitter.Reset(offset);
                    long expected = response.Length;
                    long received = 0;
                    bool broke = false;
                    while (true)
                    {
                        int count = await read.ReadAsync(response.Content, _buffer, 0, _buffer.Length, offset, async: true, cancellationToken).ConfigureAwait(false);
                        if (count <= 0)
                        {
                            broke = count < 0;
                            break;
                        }

                        received += count;
                        int start = (int)Math.Min(skip, count);
                        skip -= start;
                        _lines.Clear();
                        _splitter.Push(_buffer, start, count - start, _lines);
                        foreach (SplitLine split in _lines)
                        {
                            offset = split.Next;
                            _offsets[path] = offset;
                            read.Progressed(); // Progress is a whole line: a connection that breaks inside one gets nowhere.
                            yield return Line(attempt, path, split, before ??= new Dictionary<string, long>(_offsets, StringComparer.Ordinal));
                        }

                        _lines.Clear();
                    }

                    if (!broke && expected >= 0 && received < expected)
                    {
                        read.EndedEarly(received, expected, offset);
                        broke = true;
                    }

                    if (broke)
                    {
                        continue;
                    }

                    if (skip > 0)
                    {
                        replaced = true; // The whole file is shorter than what was read of it.
                    }
                    else
                    {
                        if (final && _splitter.Flush() is SplitLine last)
                        {
                            _offsets[path] = last.Next;
                            yield return Line(attempt, path, last, before ??= new Dictionary<string, long>(_offsets, StringComparer.Ordinal));
                        }

                        yield break;
                    }
                }
            }

            if (++restarts > ResumableRead.MaxRestarts)
            {
                throw ServiceFailure.Create(0, $"The log file '{path}' of attempt '{attempt}' was replaced on the server {restarts} times while it was being read.", "LogFileUnstable");
            }

            offset = 0;
            _offsets[path] = 0;
        }
    }

    private static TrainingLogLine Line(string attempt, string path, SplitLine split, Dictionary<string, long> before) =>
        new(attempt, path, split.Text, split.Offset, split.Cut, () => new TrainingLogPosition(attempt, before, path, split.Next));

    /// <summary>The log files of an attempt, by path, with their content URIs.</summary>
    private async Task<SortedDictionary<string, Uri>> ListFilesAsync(string attempt, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, Uri>(StringComparer.Ordinal);
        foreach (string folder in Folders)
        {
            var options = new ArtifactListOptions { PathPrefix = folder };
            await foreach (Page<JobArtifactContentInfo> page in _client.GetArtifactContentInfosAsync(_jobName, attempt, options, cancellationToken).AsPages().ConfigureAwait(false))
            {
                foreach (JobArtifactContentInfo info in page.Values)
                {
                    if (string.IsNullOrEmpty(info.Path) || !info.Path.StartsWith(folder, StringComparison.Ordinal))
                    {
                        FoundryTrainingEventSource.Singleton.ServiceItemSkipped(Operation, $"a log file the service listed under '{folder}' for attempt '{attempt}' of job '{_jobName}'", $"its path '{info.Path}' is not under that folder.");
                        continue;
                    }

                    if (DownloadPlan.ContentUriProblem(info) is string problem)
                    {
                        throw ServiceFailure.Create(page.GetRawResponse(), $"The service listed the log file '{info.Path}', which {problem}.", "InvalidArtifactContentUri");
                    }

                    files[info.Path] = info.ContentUri!;
                }
            }
        }

        return files;
    }
}
