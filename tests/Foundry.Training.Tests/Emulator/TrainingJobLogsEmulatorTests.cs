using System.Text;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>The emulator's growing <c>logs/std_log.txt</c>, tailed while the job runs, through dropped connections.</summary>
public sealed class TrainingJobLogsEmulatorTests : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(15);

    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
    {
        StepInterval = TimeSpan.FromMilliseconds(20),
        TrainingSteps = 8,
    });

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
    }

    private async Task<List<string>> FinalLinesAsync(TrainingJobsClient client, string job)
    {
        Azure.Response<Stream> content = await client.DownloadArtifactAsync(job, "1", "logs/std_log.txt", _timeout.Token);
        using var reader = new StreamReader(content.Value, Encoding.UTF8); // disposes the body
        string text = await reader.ReadToEndAsync(_timeout.Token);
        return text.Split('\n').Where(l => l.Length > 0).ToList();
    }

    [Fact]
    public async Task Follow_ReadsTheGrowingLogWhileTheJobRuns_ThroughDroppedConnections_EachLineOnce()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync("tailed", EmulatorJobs.SftWithLora(), _timeout.Token);
        _emulator.Faults.ResetDuringBody(afterBytes: 40, count: 3);

        var lines = new List<TrainingLogLine>();
        await foreach (TrainingLogLine line in client.StreamLogsAsync("tailed", pollingInterval: s_poll, cancellationToken: _timeout.Token))
        {
            lines.Add(line);
        }

        lines.Select(l => l.Text).Should().Equal(await FinalLinesAsync(client, "tailed"));
        lines.Should().OnlyContain(l => l.AttemptId == "1" && l.Path == "logs/std_log.txt");
        lines.Select(l => l.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        lines[^1].Text.Should().EndWith("Training completed.");

        IReadOnlyList<TrainingLogFile> files = client.GetLogs("tailed", cancellationToken: _timeout.Token);
        files.Should().ContainSingle().Which.Size.Should().Be(lines[^1].Position.Offsets["logs/std_log.txt"]);
    }

    [Fact]
    public async Task Watch_WithIncludeLogs_InterleavesLogLinesWithStatusAndMetrics()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync("watched-logs", EmulatorJobs.Grpo(), _timeout.Token);

        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in client.WatchAsync("watched-logs", new TrainingJobWatchOptions { PollingInterval = s_poll, IncludeLogs = true }, _timeout.Token))
        {
            updates.Add(update);
        }

        updates.Where(u => u.Kind == TrainingJobUpdateKind.LogLine).Select(u => u.LogLine!.Text).Should().Equal(await FinalLinesAsync(client, "watched-logs"));
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint && u.MetricName == "train/loss").Should().HaveCount(8);
        updates.Last(u => u.Kind == TrainingJobUpdateKind.LogLine).LogLine!.Text.Should().EndWith("Training completed.");
    }
}
