using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>jobs list</c> and <c>jobs show</c> on the emulator's seeded jobs.</summary>
public sealed class JobsReadCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly Cli _cli = new(fixture.Emulator);

    [Fact]
    public async Task List_Json_IsAnArrayOfTheServicesJobs()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "list", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        JsonArray jobs = result.Json.AsArray();
        jobs.Select(j => j!["name"]!.GetValue<string>()).Should().Contain(new[] { DemoEmulator.CompletedJob, DemoEmulator.FailedJob, DemoEmulator.RunningJob });
        JsonNode completed = jobs.Single(j => j!["name"]!.GetValue<string>() == DemoEmulator.CompletedJob)!;
        completed["properties"]!["status"]!.GetValue<string>().Should().Be("Completed");
        completed["properties"]!["training"]!["lora"]!["rank"]!.GetValue<int>().Should().Be(16);
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Path == "/training_jobs" && r.Method == "GET" && r.Query.GetValueOrDefault("order") == "desc");
    }

    [Fact]
    public async Task List_Top_LimitsTheList_AndTheTextSaysThereIsMore()
    {
        CliResult json = await _cli.RunAsync("--emulator", "jobs", "list", "--top", "1", "--output", "json");
        CliResult text = await _cli.RunAsync("--emulator", "jobs", "list", "--top", "2");

        json.Json.AsArray().Should().HaveCount(1);
        text.ExitCode.Should().Be(0);
        text.Out.Should().Contain("2 jobs on embedded emulator (Foundry training jobs)").And.Contain("Name").And.Contain("Status");
        text.Error.Should().Contain("Showing the newest 2; pass --top N or --all for more.");
    }

    [Fact]
    public async Task List_FineTuning_ListsTheSeededJobOfThatService()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "list", "--all", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.AsArray().Should().Contain(j => j!["model"]!.GetValue<string>() == DemoEmulator.FineTuningBaseModel && j["status"]!.GetValue<string>() == "succeeded");
    }

    [Fact]
    public async Task List_TagOnFineTuning_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "list", "--tag", "team=demo");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--tag filters Foundry jobs");
    }

    [Fact]
    public async Task Show_AJobCanceledBeforeItRan_IsTheJobAlone_ItsMissingAttemptNoError()
    {
        TrainingJobsClient client = _cli.Emulator.Emulator.CreateTrainingJobsClient();
        await client.CreateAsync("never-ran", new CommandJob("gpu") { Command = "run", EnvironmentImageReference = "img" });
        await client.CancelAsync(WaitUntil.Completed, "never-ran");

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", "never-ran");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("never-ran").And.Contain("Canceled");
        result.Error.Should().BeEmpty();
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Method == "GET" && r.Path == "/training_jobs/never-ran/attempts/latest" && r.StatusCode == 404);
    }

    [Fact]
    public async Task Show_Json_IsTheJobAsTheServiceSentIt()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", DemoEmulator.CompletedJob, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["name"]!.GetValue<string>().Should().Be(DemoEmulator.CompletedJob);
        result.Json["properties"]!["display_name"]!.GetValue<string>().Should().Be("SFT Qwen2.5-7B with LoRA");
        result.Json["system_data"]!["created_at"]!.GetValue<long>().Should().BePositive();
    }

    [Fact]
    public async Task Show_Text_HasTheAttemptAndTheLatestMetrics()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", DemoEmulator.CompletedJob);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Status").And.Contain("Completed").And.Contain("SFT Qwen2.5-7B with LoRA").And.Contain("team=demo");
        result.Out.Should().Contain("Attempt").And.Contain("Latest metrics").And.Contain("train/loss").And.Contain("eval/loss");
    }

    [Fact]
    public async Task Show_FailedJob_ShowsTheAttemptError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", DemoEmulator.FailedJob);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Failed").And.Contain("UserError: The emulator failed training job 'dpo-demo-failed'");
    }

    [Fact]
    public async Task Show_UnknownJob_ExitCode3_WithTheServicesCodeAndRequestId()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", "no-such-job");

        result.ExitCode.Should().Be(3);
        result.Out.Should().BeEmpty();
        result.Error.Trim().Should().MatchRegex(@"^error: Training job 'no-such-job' was not found\. \(status 404, code NotFound, request id emulator-\d+\)$");
    }

    [Fact]
    public async Task Show_FineTuningJob_ById()
    {
        CliResult list = await _cli.RunAsync("--emulator", "--service", "azure-openai", "jobs", "list", "--output", "json");
        string id = list.Json[0]!["id"]!.GetValue<string>();

        CliResult json = await _cli.RunAsync("--emulator", "--service", "azure-openai", "jobs", "show", id, "--output", "json");
        CliResult text = await _cli.RunAsync("--emulator", "--service", "azure-openai", "jobs", "show", id);

        json.ExitCode.Should().Be(0, json.ToString());
        json.Json["id"]!.GetValue<string>().Should().Be(id);
        text.Out.Should().Contain(id).And.Contain("Fine-tuned model").And.Contain("succeeded");
    }

    [Fact]
    public async Task Show_NameThatCannotBeAPathSegment_IsAUsageError_BeforeAnyRequest()
    {
        int before = _cli.Emulator.Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", "..");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith("error: ").And.NotContain("(Parameter");
        _cli.Emulator.Emulator.Requests.Count.Should().Be(before);
    }
}
