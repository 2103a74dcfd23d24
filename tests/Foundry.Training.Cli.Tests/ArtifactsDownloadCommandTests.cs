using System.Text.Json.Nodes;
using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>artifacts download</c>: through the SDK's safe download into a folder.</summary>
public sealed class ArtifactsDownloadCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Cli _cli = new(fixture.Emulator);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Download_Json_ListsEveryFileWritten_AllInsideTheFolder()
    {
        string destination = Path.Combine(_temp.Path, "out");

        CliResult result = await _cli.RunAsync("--emulator", "artifacts", "download", DemoEmulator.CompletedJob, "-o", destination, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["job"]!.GetValue<string>().Should().Be(DemoEmulator.CompletedJob);
        JsonArray files = result.Json["files"]!.AsArray();
        files.Select(f => f!["artifact_path"]!.GetValue<string>()).Should().Contain(new[] { "outputs/model/adapter_config.json", "outputs/metrics.json", "logs/std_log.txt" });
        foreach (JsonNode? file in files)
        {
            string local = file!["local_path"]!.GetValue<string>();
            local.Should().StartWith(destination + Path.DirectorySeparatorChar);
            new FileInfo(local).Length.Should().Be(file["length"]!.GetValue<long>());
        }

        Directory.GetFiles(destination, "*", SearchOption.AllDirectories).Should().HaveCount(files.Count, "no temporary file is left behind");
    }

    [Fact]
    public async Task Download_PrefixAndAttempt_Text_ReportsEachFile()
    {
        string destination = Path.Combine(_temp.Path, "outputs");

        CliResult result = await _cli.RunAsync("--emulator", "artifacts", "download", DemoEmulator.CompletedJob, "--attempt", "1", "--prefix", "outputs/", "-o", destination);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("outputs/model/adapter_config.json: done (").And.Contain("All files: done (3 of 3 files)");
        result.Out.Should().Contain($"Downloaded 3 files (").And.Contain($"of sft-qwen-demo to {destination}");
        Directory.GetFiles(destination, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(destination, f).Replace('\\', '/'))
            .Should().BeEquivalentTo("outputs/metrics.json", "outputs/model/adapter_config.json", "outputs/model/adapter_model.safetensors");
    }

    [Fact]
    public async Task NothingMatches_SaysSo()
    {
        CliResult result = await _cli.RunAsync("--emulator", "artifacts", "download", DemoEmulator.CompletedJob, "--prefix", "nothing/", "-o", _temp.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Downloaded 0 files");
        result.Error.Should().Contain("No artifact matched");
    }

    [Fact]
    public async Task DestinationIsAFile_IsAUsageError()
    {
        string file = _temp.File("taken", "x");

        CliResult result = await _cli.RunAsync("--emulator", "artifacts", "download", DemoEmulator.CompletedJob, "-o", file);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("is a file");
    }

    [Fact]
    public async Task FineTuningTarget_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "artifacts", "download", "ftjob-1", "-o", _temp.Path);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Artifacts download works with Foundry training jobs");
    }

    [Fact]
    public async Task MissingOutputFolder_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "artifacts", "download", DemoEmulator.CompletedJob);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--output-dir").And.Contain("Run 'foundry-train artifacts download --help' for usage.");
    }
}
