using System.Text.Json.Nodes;
using Foundry.Training.Cli.Targets;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>jobs cancel</c> and <c>jobs delete</c>: Foundry's long-running operations are waited for; fine-tuning answers at once.</summary>
public sealed class JobsOperationCommandTests(SlowEmulatorFixture fixture) : IClassFixture<SlowEmulatorFixture>
{
    private readonly Cli _cli = new(fixture.Emulator);

    [Fact]
    public async Task FoundryCancel_WaitsForTheOperation_AndTheJobIsCanceled()
    {
        await CreateFoundryJobAsync("to-cancel");

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "cancel", "to-cancel", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["name"]!.GetValue<string>().Should().Be("to-cancel");
        result.Json["completed"]!.GetValue<bool>().Should().BeTrue();
        result.Json["operation"]!["status"]!.GetValue<string>().Should().Be("succeeded");
        CliResult show = await _cli.RunAsync("--emulator", "jobs", "show", "to-cancel", "--output", "json");
        show.Json["properties"]!["status"]!.GetValue<string>().Should().Be("Canceled");
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/training_jobs/to-cancel:cancel");
    }

    [Fact]
    public async Task FoundryDelete_WaitsForTheOperation_AndTheJobIsGone()
    {
        await CreateFoundryJobAsync("to-delete");

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "delete", "to-delete");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Trim().Should().Be("to-delete deleted (operation succeeded).");
        CliResult show = await _cli.RunAsync("--emulator", "jobs", "show", "to-delete");
        show.ExitCode.Should().Be(3);
        show.Error.Should().Contain("status 404");
    }

    [Fact]
    public async Task FineTuningCancel_AnswersWithTheJob()
    {
        FineTuningClient client = _cli.Emulator.Emulator.CreateOpenAIClient();
        string id = await CreateFineTuningJobAsync(client);

        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "cancel", id, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["id"]!.GetValue<string>().Should().Be(id);
        result.Json["status"]!.GetValue<string>().Should().Be("cancelled");
    }

    [Fact]
    public async Task FineTuningDelete_OnAzureOpenAI_DeletesAtOnce()
    {
        FineTuningClient client = _cli.Emulator.Emulator.CreateAzureOpenAIClient();
        string id = await CreateFineTuningJobAsync(client);
        await client.CancelJobAsync(id);

        CliResult result = await _cli.RunAsync("--emulator", "--service", "azure-openai", "jobs", "delete", id, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        JsonNode.DeepEquals(result.Json, new JsonObject { ["id"] = id, ["deleted"] = true }).Should().BeTrue(result.Out);
        _cli.Emulator.Emulator.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"/openai/fine_tuning/jobs/{id}");
    }

    [Fact]
    public async Task FineTuningDelete_OnOpenAI_IsAUsageError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "--service", "openai", "jobs", "delete", "ftjob-1");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("The OpenAI platform does not delete fine-tuning jobs");
    }

    [Fact]
    public async Task CancelOfAnUnknownJob_ExitCode3()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "cancel", "never-was");

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("status 404").And.Contain("request id");
    }

    private async Task CreateFoundryJobAsync(string name)
    {
        CliResult created = await _cli.RunAsync("--emulator", "jobs", "create", "-f", Cli.Sample("sft-job.yaml"), "--name", name);
        created.ExitCode.Should().Be(0, created.ToString());
    }

    private static async Task<string> CreateFineTuningJobAsync(FineTuningClient client)
    {
        using var content = new MemoryStream(File.ReadAllBytes(Cli.Sample("train.jsonl")));
        FineTuningFile file = (await client.GetFilesClient().UploadAsync(content, "train.jsonl", FilePurpose.FineTune)).Value;
        return (await client.CreateJobAsync(new FineTuningJobCreateOptions(DemoEmulator.FineTuningBaseModel, file.Id))).Value.Id;
    }
}
