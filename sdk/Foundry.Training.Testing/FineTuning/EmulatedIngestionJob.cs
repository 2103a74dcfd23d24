using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// An Azure OpenAI ingestion job: its definition as created, and its runs — one started by the create, then one every
/// <c>dataRefreshIntervalInHours</c> of the emulator's clock when the job sets it. Not thread-safe: the owning service
/// serializes access.
/// </summary>
internal sealed class EmulatedIngestionJob
{
    /// <summary>Documents a storage container or a dataset holds, for a run's item counts.</summary>
    public const int DocumentsPerSource = 12;

    /// <summary>The runs a job keeps (the oldest go first), however long the clock jumps.</summary>
    public const int MaxRuns = 100;

    private readonly TimeSpan _interval;
    private readonly IngestionError? _failure;
    private readonly List<EmulatedIngestionRun> _runs = new();

    public EmulatedIngestionJob(string id, long sequence, IngestionJob definition, byte[] json, DateTimeOffset now, TimeSpan interval, IngestionError? failure)
    {
        Id = id;
        Sequence = sequence;
        Definition = definition;
        Json = json;
        _interval = interval;
        _failure = failure;
        StartRun(now);
    }

    public string Id { get; }

    public long Sequence { get; }

    /// <summary>The job as created (its <c>jobId</c> filled in).</summary>
    public IngestionJob Definition { get; }

    /// <summary>The definition as the SDK writes it, to tell a repeated create from a conflicting one.</summary>
    public byte[] Json { get; }

    /// <summary>Whether it runs in the user's workspace, so that reading its runs needs the workspace token.</summary>
    public bool IsUserCompute => Definition is UserComputeIngestionJob;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<EmulatedIngestionRun> Runs => _runs;

    public EmulatedIngestionRun LatestRun => _runs[_runs.Count - 1];

    private TimeSpan? RefreshInterval => (Definition switch
    {
        SystemComputeIngestionJob system => system.DataRefreshIntervalInHours,
        UserComputeIngestionJob user => user.DataRefreshIntervalInHours,
        _ => null,
    }) is int hours and > 0 ? TimeSpan.FromHours(hours) : null;

    /// <summary>Starts the runs the refresh interval has made due by <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (RefreshInterval is not TimeSpan refresh)
        {
            return;
        }

        // Whole intervals since the latest run started; a clock that jumps far ahead starts only the runs a job keeps.
        long due = (now - LatestRun.StartedAt).Ticks / refresh.Ticks;
        long skipped = Math.Max(0, due - MaxRuns);
        DateTimeOffset start = LatestRun.StartedAt + TimeSpan.FromTicks(refresh.Ticks * skipped);
        for (long slot = skipped; slot < due; slot++)
        {
            start += refresh;
            StartRun(start);
        }
    }

    private void StartRun(DateTimeOffset startedAt)
    {
        _runs.Add(new EmulatedIngestionRun(Id, Guid.NewGuid().ToString(), startedAt, _interval, Items(Definition), _failure));
        if (_runs.Count > MaxRuns)
        {
            _runs.RemoveAt(0);
        }
    }

    /// <summary>The URLs of a URL data source; a storage container or a dataset holds <see cref="DocumentsPerSource"/> documents.</summary>
    private static int Items(IngestionJob job) => job switch
    {
        SystemComputeIngestionJob { Datasource: SystemComputeUrl urls } => urls.Urls.Count,
        UserComputeIngestionJob { Datasource: UserComputeUrl urls } => urls.Urls.Count,
        _ => DocumentsPerSource,
    };

    /// <summary>The URLs of the job's data source, if it reads URLs.</summary>
    public static IEnumerable<string> Urls(IngestionJob job) => job switch
    {
        SystemComputeIngestionJob { Datasource: SystemComputeUrl urls } => urls.Urls,
        UserComputeIngestionJob { Datasource: UserComputeUrl urls } => urls.Urls,
        _ => Enumerable.Empty<string>(),
    };
}
