using System.Text.Json.Nodes;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>jobs watch</c>: until the job ends; Ctrl+C (the token) stops the watch and leaves the job running.</summary>
public sealed class JobsWatchCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly Cli _cli = new(fixture.Emulator);

    [Fact]
    public async Task CompletedJob_Json_StatusThenEveryMetricPoint_ExitCode0()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "watch", DemoEmulator.CompletedJob, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        IReadOnlyList<JsonObject> lines = result.JsonLines;
        lines[0]["type"]!.GetValue<string>().Should().Be("status");
        lines[0]["status"]!.GetValue<string>().Should().Be("Completed");
        lines[0]["job"]!["name"]!.GetValue<string>().Should().Be(DemoEmulator.CompletedJob);
        List<JsonObject> losses = lines.Where(l => l["metric"]?.GetValue<string>() == "train/loss").ToList();
        losses.Select(l => l["point"]!["step"]!.GetValue<long>()).Should().Equal(Enumerable.Range(1, 8).Select(i => (long)i));
        losses.Should().OnlyContain(l => l["attempt_id"]!.GetValue<string>() == "1");
        losses.First()["point"]!["data"]!["value"]!.GetValue<double>().Should().BeGreaterThan(losses.Last()["point"]!["data"]!["value"]!.GetValue<double>(), "the loss falls");
    }

    [Fact]
    public async Task CompletedJob_Text_OneLinePerUpdate()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "watch", DemoEmulator.CompletedJob);

        result.ExitCode.Should().Be(0, result.ToString());
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("status: Completed");
        lines.Should().Contain(l => l.StartsWith("step 8: train/loss ", StringComparison.Ordinal));
        lines[^1].Should().Be("sft-qwen-demo Completed");
    }

    [Fact]
    public async Task FailedJob_ExitCode1_WithTheAttemptsError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "watch", DemoEmulator.FailedJob);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("dpo-demo-failed ended Failed: UserError: The emulator failed training job 'dpo-demo-failed'");
    }

    [Fact]
    public async Task Interactive_ShowsALivePanelWithTheLossSparkline()
    {
        _cli.Interactive = true;

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "watch", DemoEmulator.CompletedJob);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("sft-qwen-demo").And.Contain("Loss").And.Contain("train/loss").And.Contain("Completed");
        result.Out.Should().MatchRegex("[▁▂▃▄▅▆▇█]{8}", "eight loss points make an eight-character sparkline");
    }

    [Fact]
    public async Task UnknownJob_ExitCode3()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "watch", "nope");

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("status 404").And.Contain("code NotFound");
    }

    [Fact]
    public async Task FineTuningJob_Json_StatusAndEvents()
    {
        CliResult list = await _cli.RunAsync("--emulator", "jobs", "list", "--service", "openai", "--output", "json");
        string id = list.Json[0]!["id"]!.GetValue<string>();

        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "watch", id, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        IReadOnlyList<JsonObject> lines = result.JsonLines;
        lines[0]["status"]!.GetValue<string>().Should().Be("succeeded");
        List<JsonObject> events = lines.Where(l => l["type"]!.GetValue<string>() == "event").ToList();
        events.Should().NotBeEmpty();
        events.Select(e => e["event"]!["created_at"]!.GetValue<long>()).Should().BeInAscendingOrder("events are shown oldest first");
        events.Should().Contain(e => e["event"]!["type"]!.GetValue<string>() == "metrics" && e["event"]!["data"]!["train_loss"] != null);
    }
}

/// <summary>Stopping a watch: a slow emulator, so that the job is still running when the watch is stopped.</summary>
public sealed class JobsWatchCancellationTests : IAsyncLifetime
{
    private DemoEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await DemoEmulator.StartAsync(new DemoEmulatorSettings(TimeSpan.FromSeconds(2), TrainingSteps: 100), CancellationToken.None);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CtrlC_StopsWatching_ExitCode130_AndTheJobKeepsRunning()
    {
        using var stop = new CancellationTokenSource();
        var cli = new Cli(_emulator)
        {
            OnOutput = output =>
            {
                if (output.Contains("status: Running", StringComparison.Ordinal))
                {
                    stop.Cancel(); // Ctrl+C once the watch has shown something
                }
            },
        };

        CliResult result = await cli.RunAsync(["--emulator", "jobs", "watch", DemoEmulator.RunningJob], stop.Token);

        result.ExitCode.Should().Be(130, result.ToString());
        result.Out.Should().Contain("status: Running");
        result.Error.Should().Contain("Stopped watching; grpo-math-demo keeps running (last status: Running).");
        TrainingJob job = (await _emulator.Emulator.CreateTrainingJobsClient().GetAsync(DemoEmulator.RunningJob)).Value;
        ((CommandJob)job.Properties).Status.Should().Be("Running");
        _emulator.Emulator.Requests.Should().NotContain(r => r.Path.EndsWith(":cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelNoWait_ReturnsWhileTheOperationRuns_AndDeleteWaits()
    {
        var cli = new Cli(_emulator);

        CliResult cancel = await cli.RunAsync("--emulator", "jobs", "cancel", DemoEmulator.RunningJob, "--no-wait", "--output", "json");

        cancel.ExitCode.Should().Be(0, cancel.ToString());
        cancel.Json["completed"]!.GetValue<bool>().Should().BeFalse("canceling a running job is a 202 operation that completes a step later");
        cancel.Json["operation"].Should().BeNull();
        cancel.Json["operation_id"]!.GetValue<string>().Should().NotBe(DemoEmulator.RunningJob);

        CliResult text = await cli.RunAsync("--emulator", "jobs", "delete", DemoEmulator.CompletedJob, "--no-wait");
        text.ExitCode.Should().Be(0, text.ToString());
        text.Out.Should().StartWith("Requested: sft-qwen-demo will be deleted (operation ").And.Contain("Check with: foundry-train jobs show sft-qwen-demo");
    }

    [Fact]
    public async Task AnyCommand_CanceledBeforeItEnds_ExitCode130()
    {
        var cli = new Cli(_emulator);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        CliResult result = await cli.RunAsync(["--emulator", "jobs", "list"], stop.Token);

        result.ExitCode.Should().Be(130, result.ToString());
        result.Error.Trim().Should().Be("Canceled.");
    }
}
