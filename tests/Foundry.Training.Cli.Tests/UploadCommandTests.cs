using System.Text.Json.Nodes;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>upload</c>: through <c>FineTuningFilesClient.UploadAsync</c> to Azure OpenAI or OpenAI, with progress.</summary>
public sealed class UploadCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Cli _cli = new(fixture.Emulator);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Upload_Json_PrintsTheFileTheServiceStored()
    {
        string path = Cli.Sample("train.jsonl");

        CliResult result = await _cli.RunAsync("--emulator", "upload", path, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        JsonNode file = result.Json;
        file["object"]!.GetValue<string>().Should().Be("file");
        file["id"]!.GetValue<string>().Should().StartWith("file-");
        file["filename"]!.GetValue<string>().Should().Be("train.jsonl");
        file["purpose"]!.GetValue<string>().Should().Be("fine-tune");
        file["bytes"]!.GetValue<long>().Should().Be(new FileInfo(path).Length);
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/files" && r.StatusCode == 200
            && r.Body!.Contains("filename=train.jsonl", StringComparison.Ordinal) && r.Body.Contains($"{new FileInfo(path).Length} bytes", StringComparison.Ordinal),
            "the OpenAI platform is the default fine-tuning service of --emulator");
    }

    [Fact]
    public async Task Upload_Wait_Text_ReportsProgressAndTheProcessedFile()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "azure-openai", "upload", Cli.Sample("train.jsonl"), "--wait");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Uploading train.jsonl: done (1.2 KiB)");
        result.Out.Should().MatchRegex(@"Uploaded train\.jsonl as file-[0-9a-f]{32} \(processed, 1\.2 KiB\)");
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/openai/files");
    }

    [Fact]
    public async Task FileTheServiceRejects_ExitCode1_WithTheFileAndItsStatus()
    {
        string path = _temp.File("broken.jsonl", "this is not JSONL\n");

        CliResult result = await _cli.RunAsync("--emulator", "upload", path, "--wait", "--output", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json["status"]!.GetValue<string>().Should().Be("error");
        result.Error.Should().StartWith("error: File 'file-").And.Contain("code error");
    }

    [Fact]
    public async Task FoundryTarget_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "foundry", "upload", Cli.Sample("train.jsonl"));

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("error: Upload works with Azure OpenAI or the OpenAI platform, not Foundry training jobs (--service foundry).");
    }

    [Fact]
    public async Task MissingFile_IsAUsageError_BeforeAnyRequest()
    {
        int before = _cli.Emulator.Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("--emulator", "upload", Path.Combine(_temp.Path, "nope.jsonl"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("does not exist");
        _cli.Emulator.Emulator.Requests.Count.Should().Be(before);
    }
}
