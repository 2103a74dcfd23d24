using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;

namespace Foundry.Training.Samples.Tests;

/// <summary>QuickStart against the embedded emulator: settings are injected, so no environment variable is read.</summary>
public sealed partial class QuickStartSampleTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _folder.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task TrainsWithLoraOnTheEmulator_ShowsProgress_AndDownloadsTheAdapter()
    {
        int exitCode = await QuickStartSample.RunAsync(new QuickStartSettings { OutputDirectory = _folder.Path }, _output, _timeout.Token);

        string output = _output.ToString();
        exitCode.Should().Be(0, output);
        output.Should().Contain("Target: embedded emulator at http://127.0.0.1:");
        // The shipped data/train.jsonl and data/eval.jsonl were uploaded and the job refers to them.
        output.Should().MatchRegex(@"Training data:   data/train\.jsonl -> azureai://datasets/local-train-jsonl/versions/[0-9a-f]{32}\r?\n")
            .And.MatchRegex(@"Validation data: data/eval\.jsonl -> azureai://datasets/local-eval-jsonl/versions/[0-9a-f]{32}\r?\n");
        // The emulator runs on the wall clock: on a loaded machine the first poll may already find the job running.
        output.Should().MatchRegex("Status: (Queued|Running)").And.Contain("Status: Completed");

        // The progress bar: one line per percentage, rising to 100 %, each with the loss at that step.
        List<int> percentages = ProgressLine().Matches(output).Select(m => int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture)).ToList();
        percentages.Should().NotBeEmpty().And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        percentages[^1].Should().Be(100);

        // Final metrics, including the evaluation the recipe asked for.
        output.Should().Contain("Final metrics:").And.MatchRegex(@"train/loss\s+\d").And.MatchRegex(@"eval/loss\s+\d");

        // The adapter is on disk, configured as the recipe said (rank 16, alpha 32).
        string job = JobName().Match(output).Groups["name"].Value;
        string model = Path.Combine(_folder.Path, job, "outputs", "model");
        File.Exists(Path.Combine(model, "adapter_model.safetensors")).Should().BeTrue(output);
        JsonNode adapter = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(model, "adapter_config.json"), _timeout.Token))!;
        adapter["peft_type"]!.GetValue<string>().Should().Be("LORA");
        adapter["r"]!.GetValue<int>().Should().Be(16);
        adapter["lora_alpha"]!.GetValue<int>().Should().Be(32);
        output.Should().Contain($"Downloaded to {Path.Combine(_folder.Path, job)}:").And.Contain("outputs/model/adapter_config.json");

        output.Should().MatchRegex($@"Job\s+{job}: Completed after").And.MatchRegex(@"Model\s+3 files").And.Contain("Output     model: azureai://");
    }

    [Fact]
    public void TheSampleShipsItsTrainingData_AsJsonl()
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "train.jsonl"));

        lines.Should().HaveCountGreaterThan(10);
        lines.Should().OnlyContain(line => JsonNode.Parse(line)!["messages"]!.AsArray().Count == 3);
        File.Exists(Path.Combine(AppContext.BaseDirectory, "data", "eval.jsonl")).Should().BeTrue();
    }

    [Fact]
    public async Task TrainingDataThatIsNotJsonl_IsUploaded_AndTheEmulatedJobRefusesIt()
    {
        // The emulator reads the uploaded file: a line that is not a JSON object fails the create, naming the line.
        File.WriteAllText(Path.Combine(_folder.Path, "bad.jsonl"), "{\"messages\":[]}\nnot json\n");
        File.WriteAllText(Path.Combine(_folder.Path, "eval.jsonl"), "{\"messages\":[]}\n");
        var settings = new QuickStartSettings { TrainingData = "bad.jsonl", ValidationData = "eval.jsonl", DataDirectory = _folder.Path, OutputDirectory = _folder.Path };

        Func<Task> run = () => QuickStartSample.RunAsync(settings, _output, _timeout.Token);

        RequestFailedException error = (await run.Should().ThrowAsync<RequestFailedException>()).Which;
        error.Status.Should().Be(400);
        error.ErrorCode.Should().Be("InvalidTrainingData");
        error.Message.Should().Contain("Line 2 of the training data 'azureai://datasets/local-bad-jsonl/versions/");
        _output.ToString().Should().Contain("Training data:   bad.jsonl -> azureai://datasets/local-bad-jsonl/versions/").And.NotContain("Created training job");
    }

    [Fact]
    public async Task AProjectWithoutCompute_StopsBeforeCallingTheService()
    {
        var settings = new QuickStartSettings { ProjectEndpoint = new Uri("https://example.services.ai.azure.com/api/projects/p"), OutputDirectory = _folder.Path };

        int exitCode = await QuickStartSample.RunAsync(settings, _output, _timeout.Token);

        exitCode.Should().Be(2);
        _output.ToString().Should().Contain("Target: Foundry project https://example.services.ai.azure.com/api/projects/p")
            .And.Contain("Set FOUNDRY_COMPUTE_ID");
        Directory.EnumerateFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    [GeneratedRegex(@"^\[#*\.*\]\s+(?<percent>\d+)%  loss \d", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"Created training job (?<name>\S+)")]
    private static partial Regex JobName();
}
