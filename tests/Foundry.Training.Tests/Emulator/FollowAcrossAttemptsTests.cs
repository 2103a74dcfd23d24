using System.Globalization;
using System.Text;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// <c>WatchAsync</c> and <c>StreamLogsAsync</c> follow a job with two attempts (retry, preempt, fail-then-succeed) to
/// its end, with the attempt changing between two polls: every metric point and every log line of both attempts
/// comes once, in order. Deterministic: the emulator runs on a manual clock that only the client's waits move, so each
/// poll falls at an exact emulator time (recorded as <see cref="EmulatorRequest.Timestamp"/>).
/// </summary>
public sealed class FollowAcrossAttemptsTests : IDisposable
{
    private const string EmulatorLogPath = "logs/std_log.txt";
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private readonly DateTimeOffset _start;
    private Action<TimeSpan>? _betweenPolls;

    public FollowAcrossAttemptsTests()
    {
        // Six steps (as TrainingJobsAttemptScenarioTests): queued for 2 steps, attempt 1 from 20 s with a step every
        // 10 s. retry: attempt 1 logs step 3 and fails at 50 s, attempt 2 starts at once. preempt: attempt 1 logs steps
        // 1-4 (30-60 s), is preempted at 70 s, attempt 2 resumes at 90 s. fail-then-succeed: attempt 1 fails at 50 s,
        // attempt 2 starts at 70 s.
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 6 });
        _start = _clock.Now;
        var clientClock = new RecordingTimeProvider
        {
            OnWait = wait =>
            {
                _clock.Advance(wait);
                _betweenPolls?.Invoke(_clock.Now - _start);
            },
        };
        _client = _emulator.CreateTrainingJobsClient(new TrainingJobsClientOptions { TimeProvider = clientClock });
    }

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
    }

    [Theory]
    [InlineData("retry", 10, 50, 3)]    // the poll at 40 s sees steps 1-2; by 50 s attempt 1 logged step 3 and attempt 2 took over
    [InlineData("preempt", 25, 100, 4)] // the poll at 50 s sees steps 1-3; attempt 1 logs step 4; at 75 s the job is queued; at 100 s attempt 2 runs
    public async Task Watch_ReportsEveryPointOfBothAttemptsOnce_WhenTheAttemptChangesBetweenTwoPolls(string scenario, int pollSeconds, int changeSeenAt, int drainedFromStep)
    {
        await CreateAsync(scenario);

        List<TrainingJobUpdate> updates = await WatchAsync(scenario, new TrainingJobWatchOptions { PollingInterval = TimeSpan.FromSeconds(pollSeconds) });

        updates.Last(u => u.Kind == TrainingJobUpdateKind.StatusChanged).Status.Should().Be("Completed");
        AssertEveryPointOnce(updates, await PointsAsync(scenario));

        // The poll that found attempt 2 listed the attempts after 1 and read attempt 1's points from the first it had not seen.
        EmulatorRequest listed = _emulator.Requests.Should().ContainSingle(r => r.Path == $"/training_jobs/{scenario}/attempts").Subject;
        listed.Query.Should().Contain("after", "1").And.Contain("order", "asc");
        listed.Timestamp.Should().Be(_start + TimeSpan.FromSeconds(changeSeenAt));
        _emulator.Requests.Should().ContainSingle(r => r.Path == $"/training_jobs/{scenario}/attempts/1/metrics/train%2Floss" && r.Timestamp == listed.Timestamp)
            .Which.Query.Should().Contain("min_step", drainedFromStep.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("retry", 50, false)]
    [InlineData("fail-then-succeed", 70, false)]
    [InlineData("retry", 50, true)]
    [InlineData("fail-then-succeed", 70, true)]
    public async Task StreamLogs_ReadsAttempt1ToItsEnd_ThenAttempt2_NoLineRepeatedOrLost(string scenario, int changeSeenAt, bool resetsDuringBodies)
    {
        await CreateAsync(scenario);
        if (resetsDuringBodies)
        {
            // Planned for the pass that finds attempt 2: attempt 1's last lines are read through broken connections.
            _betweenPolls = at =>
            {
                if (at == TimeSpan.FromSeconds(changeSeenAt))
                {
                    _emulator.Faults.ResetDuringBody(afterBytes: 100, count: 3);
                }
            };
        }

        List<TrainingLogLine> lines = await ToListAsync(_client.StreamLogsAsync(scenario, pollingInterval: s_step, cancellationToken: _timeout.Token));

        await AssertBothLogsOnceAsync(scenario, lines, skipFromAttempt1: 0);
        _emulator.Requests.Should().ContainSingle(r => r.Path == $"/training_jobs/{scenario}/attempts")
            .Which.Timestamp.Should().Be(_start + TimeSpan.FromSeconds(changeSeenAt), "the pass that found attempt 2 listed the attempts after 1");
        List<EmulatorRequest> faulted = _emulator.Requests.Where(r => r.Faulted).ToList();
        if (resetsDuringBodies)
        {
            faulted.Should().HaveCount(3).And.OnlyContain(r => r.Timestamp == _start + TimeSpan.FromSeconds(changeSeenAt) && r.Path.Contains("/1/logs/", StringComparison.Ordinal), "attempt 1's last lines were read through them");
        }
        else
        {
            faulted.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("retry", 6)]    // attempt 2 started at 50 s and logged step 1
    [InlineData("preempt", 10)] // attempt 2 resumed at 90 s and logged step 4
    public async Task StreamLogs_ResumesFromAPositionSavedInAttempt1_AfterAttempt2Started(string scenario, int stepsBeforeResuming)
    {
        await CreateAsync(scenario);
        _clock.Advance(4 * s_step); // attempt 1 is at step 2
        List<TrainingLogLine> early = await ToListAsync(_client.StreamLogsAsync(scenario, follow: false, cancellationToken: _timeout.Token));
        early.Should().HaveCountGreaterThan(2).And.OnlyContain(l => l.AttemptId == "1");
        string saved = early[1].Position.ToString();

        _clock.Advance((stepsBeforeResuming - 4) * s_step);
        (await _client.GetAttemptAsync(scenario, TrainingJobsClient.LatestAttempt, _timeout.Token)).Value.Id.Should().Be("2");

        // Named, the attempt is read to its end and the stream ends: a newer attempt exists.
        List<TrainingLogLine> restOfAttempt1 = await ToListAsync(_client.StreamLogsAsync(scenario, attemptId: "1", resumeFrom: TrainingLogPosition.Parse(saved), pollingInterval: s_step, cancellationToken: _timeout.Token));
        restOfAttempt1.Select(l => l.Text).Should().Equal((await FinalLogAsync(scenario, "1")).Skip(2));

        // Unnamed, the stream goes on to attempt 2 and follows it to the job's end.
        List<TrainingLogLine> resumed = await ToListAsync(_client.StreamLogsAsync(scenario, resumeFrom: TrainingLogPosition.Parse(saved), pollingInterval: s_step, cancellationToken: _timeout.Token));
        await AssertBothLogsOnceAsync(scenario, resumed, skipFromAttempt1: 2);
    }

    [Theory]
    [InlineData("retry", 10)]
    [InlineData("preempt", 25)]
    [InlineData("fail-then-succeed", 10)]
    public async Task Watch_WithIncludeLogs_FollowsPointsAndLinesAcrossAttempts_ReadingTheLatestAttemptOncePerPoll(string scenario, int pollSeconds)
    {
        await CreateAsync(scenario);

        List<TrainingJobUpdate> updates = await WatchAsync(scenario, new TrainingJobWatchOptions { PollingInterval = TimeSpan.FromSeconds(pollSeconds), IncludeLogs = true });

        AssertEveryPointOnce(updates, await PointsAsync(scenario));
        await AssertBothLogsOnceAsync(scenario, updates.Where(u => u.Kind == TrainingJobUpdateKind.LogLine).Select(u => u.LogLine!).ToList(), skipFromAttempt1: 0);

        // Each poll is one instant of the emulator's clock: the metrics and the logs share its one look-up.
        _emulator.Requests.Where(r => r.Path == $"/training_jobs/{scenario}/attempts/latest").GroupBy(r => r.Timestamp)
            .Should().OnlyContain(poll => poll.Count() == 1);
    }

    [Theory]
    [InlineData("retry", 10)]
    [InlineData("preempt", 25)]
    [InlineData("fail-then-succeed", 10)]
    [InlineData("fail-then-succeed", 40)] // one poll sees attempt 1 still running, the next attempt 2 running
    public async Task Watch_WithIncludeLogs_ReportsTheMoveToAttempt2Once_AfterAllOfAttempt1_ListingTheAttemptsOnce(string scenario, int pollSeconds)
    {
        await CreateAsync(scenario);

        List<TrainingJobUpdate> updates = await WatchAsync(scenario, new TrainingJobWatchOptions { PollingInterval = TimeSpan.FromSeconds(pollSeconds), IncludeLogs = true });

        // Points and lines in one stream: every one of attempt 1, then every one of attempt 2, never back to attempt 1.
        List<string> attempts = updates.Where(u => u.Kind != TrainingJobUpdateKind.StatusChanged).Select(u => u.AttemptId!).ToList();
        attempts.Where((attempt, i) => i == 0 || attempt != attempts[i - 1]).Should().Equal(new[] { "1", "2" }, "the move to attempt 2 is reported once");
        AssertEveryPointOnce(updates, await PointsAsync(scenario));
        await AssertBothLogsOnceAsync(scenario, updates.Where(u => u.Kind == TrainingJobUpdateKind.LogLine).Select(u => u.LogLine!).ToList(), skipFromAttempt1: 0);
        updates.Last().Should().Match<TrainingJobUpdate>(u => u.Kind == TrainingJobUpdateKind.StatusChanged || u.AttemptId == "2");

        // The poll that found attempt 2 listed the attempts after 1 once, for the metrics and the logs alike.
        _emulator.Requests.Should().ContainSingle(r => r.Path == $"/training_jobs/{scenario}/attempts")
            .Which.Query.Should().Contain("after", "1");
    }

    private async Task CreateAsync(string scenario) =>
        await _client.CreateAsync(scenario, TrainingJobsAttemptScenarioTests.WithScenario(scenario), _timeout.Token);

    private async Task<List<TrainingJobUpdate>> WatchAsync(string job, TrainingJobWatchOptions options) =>
        await ToListAsync(_client.WatchAsync(job, options, _timeout.Token));

    private async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items.WithCancellation(_timeout.Token))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Every point of attempts 1 and 2, read after the job ended: <c>attempt/metric@step=value</c>.</summary>
    private async Task<List<string>> PointsAsync(string job)
    {
        var points = new List<string>();
        foreach (string attempt in new[] { "1", "2" })
        {
            await foreach (JobMetric metric in _client.GetMetricsAsync(job, attempt, cancellationToken: _timeout.Token))
            {
                await foreach (JobMetricPoint point in _client.GetMetricPointsAsync(job, attempt, metric.Name, cancellationToken: _timeout.Token))
                {
                    points.Add(Describe(attempt, metric.Name, point));
                }
            }
        }

        points.Should().Contain(p => p.StartsWith("1/", StringComparison.Ordinal)).And.Contain(p => p.StartsWith("2/", StringComparison.Ordinal));
        return points;
    }

    private static string Describe(string attempt, string metric, JobMetricPoint point) =>
        $"{attempt}/{metric}@{point.Step}={point.Data!["value"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>Each point once; each metric's points of each attempt in order; attempt 1's before attempt 2's.</summary>
    private static void AssertEveryPointOnce(List<TrainingJobUpdate> updates, List<string> expected)
    {
        List<TrainingJobUpdate> points = updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint).ToList();
        List<string> seen = points.Select(u => Describe(u.AttemptId!, u.MetricName!, u.Point!)).ToList();
        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
        foreach (IGrouping<string, string> series in expected.GroupBy(p => p[..p.IndexOf('@', StringComparison.Ordinal)]))
        {
            seen.Where(p => p.StartsWith(series.Key + "@", StringComparison.Ordinal)).Should().Equal(series, "the points of {0} come in order", series.Key);
        }

        points.FindLastIndex(u => u.AttemptId == "1").Should().BeLessThan(points.FindIndex(u => u.AttemptId == "2"), "attempt 1 is finished before attempt 2 is read");
    }

    /// <summary>The lines equal attempt 1's final log (from line <paramref name="skipFromAttempt1"/> on) and then attempt 2's, read afterwards.</summary>
    private async Task AssertBothLogsOnceAsync(string job, List<TrainingLogLine> lines, int skipFromAttempt1)
    {
        List<string> first = (await FinalLogAsync(job, "1")).Skip(skipFromAttempt1).ToList();
        List<string> second = await FinalLogAsync(job, "2");
        lines.Select(l => l.Text).Should().Equal(first.Concat(second));
        lines.Select(l => l.AttemptId).Should().Equal(Enumerable.Repeat("1", first.Count).Concat(Enumerable.Repeat("2", second.Count)));
        lines.Should().OnlyContain(l => l.Path == EmulatorLogPath);
        foreach (string attempt in new[] { "1", "2" })
        {
            lines.Where(l => l.AttemptId == attempt).Select(l => l.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }

        lines[^1].Text.Should().EndWith("Training completed.");
    }

    private async Task<List<string>> FinalLogAsync(string job, string attempt)
    {
        Azure.Response<Stream> content = await _client.DownloadArtifactAsync(job, attempt, EmulatorLogPath, _timeout.Token);
        using var reader = new StreamReader(content.Value, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(_timeout.Token);
        text.Should().EndWith("\n", "an ended attempt's log is complete");
        return text.Split('\n').Where(l => l.Length > 0).ToList();
    }
}
