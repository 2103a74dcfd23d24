using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>jobs logs</c>: a Foundry job's log lines, each once; <c>--follow</c> until the job ends.</summary>
public sealed class JobsLogsCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly Cli _cli = new(fixture.Emulator);

    [Fact]
    public async Task CompletedJob_Text_HeadsTheFileThenPrintsEveryLine()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "logs", DemoEmulator.CompletedJob, "--attempt", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("==> 1/logs/std_log.txt <==");
        lines[1].Should().Contain("Attempt 1 started");
        lines.Count(l => l.Contains("step ", StringComparison.Ordinal) && l.Contains(" loss=", StringComparison.Ordinal)).Should().Be(8);
        lines[^1].Should().EndWith("Training completed.");
    }

    [Fact]
    public async Task Follow_Json_OneObjectPerLine_WithAscendingOffsets()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "logs", DemoEmulator.CompletedJob, "--follow", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.JsonLines.Should().OnlyContain(l => l["attempt_id"]!.GetValue<string>() == "1" && l["path"]!.GetValue<string>() == "logs/std_log.txt");
        result.JsonLines.Select(l => l["offset"]!.GetValue<long>()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        result.JsonLines[^1]["text"]!.GetValue<string>().Should().EndWith("Training completed.");
    }

    [Fact]
    public async Task AFineTuningTarget_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "logs", "ftjob-1");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("works with Foundry training jobs");
    }
}
