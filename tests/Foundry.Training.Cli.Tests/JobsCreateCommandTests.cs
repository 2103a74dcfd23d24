using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Testing;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>jobs create -f</c>: the file is the request body, checked client-side first.</summary>
public sealed class JobsCreateCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Cli _cli = new(fixture.Emulator);
    private readonly TempFolder _temp = new();

    private FoundryTrainingEmulator Emulator => _cli.Emulator.Emulator;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FoundryJob_Json_SendsTheFileAsTheRequestBody()
    {
        string file = Cli.Sample("sft-job.json");
        JsonNode expected = JsonNode.Parse(File.ReadAllText(file))!;
        expected["name"] = "create-json";

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", file, "--name", "create-json", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["name"]!.GetValue<string>().Should().Be("create-json");
        result.Json["properties"]!["status"]!.GetValue<string>().Should().Be("Queued");
        string body = Emulator.Requests.Last(r => r.Method == "POST" && r.Path == "/training_jobs").Body!;
        JsonNode.DeepEquals(JsonNode.Parse(body), expected).Should().BeTrue($"the wire body is the file: {body}");
    }

    [Fact]
    public async Task YamlAndJson_OfTheSameJob_MakeTheSameRequest()
    {
        CliResult yaml = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("sft-job.yaml"), "--dry-run", "--output", "json");
        CliResult json = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("sft-job.json"), "--dry-run", "--output", "json");

        yaml.ExitCode.Should().Be(0, yaml.ToString());
        json.ExitCode.Should().Be(0, json.ToString());
        yaml.Json["kind"]!.GetValue<string>().Should().Be("foundry");
        yaml.Json["valid"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.DeepEquals(yaml.Json["request"], json.Json["request"]).Should().BeTrue();
        JsonNode.DeepEquals(json.Json["request"], JsonNode.Parse(File.ReadAllText(Cli.Sample("sft-job.json")))).Should().BeTrue("the request is the file, read and written by the SDK's serializer");
    }

    [Fact]
    public async Task DryRun_NeedsNoServiceAndSendsNothing()
    {
        int before = Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("sft-job.yaml"), "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("a valid foundry job 'sft-qwen-support'; nothing was sent (--dry-run)");
        Emulator.Requests.Count.Should().Be(before);
    }

    [Fact]
    public async Task InvalidJob_ExitCode1_ListsEveryProblemWithItsJsonPath_AndSendsNothing()
    {
        string file = _temp.File("bad.yaml", """
            name: bad
            extra: 1
            properties:
              job_type: command
              command: python train.py
              training:
                algorithm: grpo
                model: Qwen/Qwen2.5-7B-Instruct
                dataset:
                  train: azureai://datasets/math/versions/1
                rollout:
                  gpu_memory_utilization: 1.5
                reward:
                  kind: composite
                  rewards: []
            """);
        int before = Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", file, "--output", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json["valid"]!.GetValue<bool>().Should().BeFalse();
        result.Json["problems"]!.AsArray().Select(p => p!["path"]!.GetValue<string>()).Should().BeEquivalentTo(
            "$.extra", "$.properties.command", "$.properties.compute_id", "$.properties.training.reward.rewards",
            "$.properties.training.rollout.engine", "$.properties.training.rollout.gpu_memory_utilization");
        Emulator.Requests.Count.Should().Be(before, "nothing is sent before the file is valid");

        CliResult text = await _cli.RunAsync("--emulator", "jobs", "create", "-f", file);
        text.ExitCode.Should().Be(1);
        text.Out.Should().Contain("bad.yaml: 6 problems").And.Contain("  $.properties.training.rollout.gpu_memory_utilization: Must be between 0.0 and 1.0.");
    }

    [Theory]
    [InlineData("job.yaml", "a: [1, 2\n", "$: line 2, column 1: While parsing a flow sequence")]
    [InlineData("job.json", "{\"name\": \"x\",", "$: line 1, column 13: Expected start of a property name or value, but instead reached end of data.")]
    [InlineData("job.json", "[1, 2]", "$: A job document is an object")]
    [InlineData("job.yaml", "hello: world\n", "$: Neither kind of job")]
    [InlineData("job.yaml", "name: x\nproperties:\n  compute_id: c\n", "$.properties.job_type: Required: \"command\".")]
    [InlineData("job.json", "{\"name\":\"x\",\"properties\":{\"job_type\":\"command\",\"compute_id\":\"c\",\"command\":\"run\",\"environment_image_reference\":\"i\",\"gpu_count\":\"two\"}}", "$.properties.gpu_count: The JSON value could not be converted to System.Nullable`1[System.Int32] (Cannot get the value of a token type 'String' as a number).")]
    [InlineData("job.json", "{\"name\":\"\",\"properties\":{\"job_type\":\"command\",\"compute_id\":\"c\",\"command\":\"run\",\"environment_image_reference\":\"i\"}}", "$.name: Must be a non-empty string.")]
    public async Task UnreadableFile_ExitCode1_WithWhereAndWhat(string name, string content, string problem)
    {
        CliResult result = await _cli.RunAsync("jobs", "create", "-f", _temp.File(name, content), "--dry-run");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("1 problem").And.Contain("  " + problem);
    }

    [Fact]
    public async Task NameAndCompute_ComeFromTheCommandLineOrTheEnvironment()
    {
        string file = _temp.File("job.json", """{"properties":{"job_type":"command","command":"python train.py","environment_image_reference":"img"}}""");
        _cli.Environment["FOUNDRY_COMPUTE_ID"] = "env-compute";

        CliResult made = await _cli.RunAsync("jobs", "create", "-f", file, "--dry-run", "--output", "json");
        CliResult given = await _cli.RunAsync("jobs", "create", "-f", file, "--dry-run", "--output", "json", "--name", "my-job", "--compute", "cli-compute");

        made.ExitCode.Should().Be(0, made.ToString());
        made.Json["request"]!["name"]!.GetValue<string>().Should().MatchRegex("^job-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$");
        made.Json["request"]!["properties"]!["compute_id"]!.GetValue<string>().Should().Be("env-compute");
        given.Json["request"]!["name"]!.GetValue<string>().Should().Be("my-job");
        given.Json["request"]!["properties"]!["compute_id"]!.GetValue<string>().Should().Be("cli-compute");
    }

    [Fact]
    public async Task FineTuningJob_WithALocalTrainingFile_ValidatesUploadsAndCreates()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", Cli.Sample("fine-tune.yaml"), "--training-file", Cli.Sample("train.jsonl"), "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        JsonNode job = result.Json;
        job["object"]!.GetValue<string>().Should().Be("fine_tuning.job");
        job["model"]!.GetValue<string>().Should().Be("gpt-4.1-mini-2025-04-14");
        job["suffix"]!.GetValue<string>().Should().Be("support-bot");
        string fileId = job["training_file"]!.GetValue<string>();
        fileId.Should().StartWith("file-").And.NotBe("file-abc123", "--training-file wins over the file's training_file");
        JsonNode body = JsonNode.Parse(Emulator.Requests.Last(r => r.Method == "POST" && r.Path == "/fine_tuning/jobs").Body!)!;
        body["training_file"]!.GetValue<string>().Should().Be(fileId);
        body["method"]!["supervised"]!["hyperparameters"]!["n_epochs"]!.GetValue<int>().Should().Be(3);
        body["metadata"]!["team"]!.GetValue<string>().Should().Be("support");
    }

    [Fact]
    public async Task FineTuningJob_WithAnInvalidLocalTrainingFile_ExitCode1_BeforeAnyUpload()
    {
        string training = _temp.File("train.jsonl", "{\"messages\":[]}\n");
        int before = Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", Cli.Sample("fine-tune.yaml"), "--training-file", training);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("train.jsonl: 1 chat examples, 1 problem");
        Emulator.Requests.Count.Should().Be(before);
    }

    [Fact]
    public async Task FineTuningJob_AzureOpenAIRules_ApplyToAnAzureTarget()
    {
        string file = _temp.File("ft.json", """{"model":"gpt-4.1-mini-2025-04-14","training_file":"file-1","suffix":"has spaces"}""");

        CliResult openAI = await _cli.RunAsync("jobs", "create", "-f", file, "--dry-run");
        CliResult azure = await _cli.RunAsync("jobs", "create", "-f", file, "--dry-run", "--service", "azure-openai", "--output", "json");

        openAI.ExitCode.Should().Be(0, openAI.ToString());
        azure.ExitCode.Should().Be(1, azure.ToString());
        azure.Json["problems"]![0]!["path"]!.GetValue<string>().Should().Be("$.suffix");
    }

    [Fact]
    public async Task OptionsOfTheOtherKind_AreUsageErrors()
    {
        CliResult foundry = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("sft-job.yaml"), "--training-file", "file-1");
        CliResult fineTuning = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("fine-tune.yaml"), "--name", "x");
        CliResult missing = await _cli.RunAsync("jobs", "create", "-f", Cli.Sample("fine-tune.yaml"), "--training-file", "./nope.jsonl");

        foundry.ExitCode.Should().Be(2);
        foundry.Error.Should().Contain("--training-file and --validation-file are for fine-tuning jobs");
        fineTuning.ExitCode.Should().Be(2);
        fineTuning.Error.Should().Contain("--name and --compute are for Foundry jobs");
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("--training-file './nope.jsonl' does not exist");
    }

    [Fact]
    public async Task Watch_Json_StreamsCreatedThenStatusAndMetrics_UntilCompleted()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", Cli.Sample("sft-job.yaml"), "--name", "create-watch", "--watch", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        IReadOnlyList<JsonObject> lines = result.JsonLines;
        lines[0]["type"]!.GetValue<string>().Should().Be("created");
        lines[0]["job"]!["name"]!.GetValue<string>().Should().Be("create-watch");
        List<string> statuses = lines.Where(l => l["type"]!.GetValue<string>() == "status").Select(l => l["status"]!.GetValue<string>()).ToList();
        statuses.Should().OnlyHaveUniqueItems().And.EndWith("Completed");
        statuses.Should().BeSubsetOf(new[] { "Queued", "Running", "Completed" });
        lines.Where(l => l["type"]!.GetValue<string>() == "metric" && l["metric"]!.GetValue<string>() == "train/loss")
            .Select(l => l["point"]!["step"]!.GetValue<long>()).Should().Equal(Enumerable.Range(1, 8).Select(i => (long)i));
    }

    [Fact]
    public async Task Watch_OfAJobThatFails_ExitCode1_WithTheReason()
    {
        string file = _temp.File("failing.json", """
            {"name":"create-fails","properties":{"job_type":"command","compute_id":"c","command":"python train.py","environment_image_reference":"img","tags":{"emulator.outcome":"failed"}}}
            """);

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "create", "-f", file, "--watch");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("status: Failed");
        result.Error.Should().Contain("create-fails ended Failed: UserError:");
    }

    [Fact]
    public async Task FineTuningWatch_Text_ShowsEventsAndEndsSucceeded()
    {
        string file = _temp.File("ft.json", JsonSerializer.Serialize(new { model = "gpt-4.1-mini-2025-04-14", training_file = "file-placeholder" }));

        CliResult result = await _cli.RunAsync("--emulator", "--service", "azure-openai", "jobs", "create", "-f", file, "--training-file", Cli.Sample("train.jsonl"), "--watch");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().MatchRegex(@"Created ftjob-[0-9a-f]{32} \(pending\) on embedded emulator \(Azure OpenAI\)");
        result.Out.Should().Contain("status: pending").And.Contain("status: succeeded");
        result.Out.IndexOf("status: succeeded", StringComparison.Ordinal).Should().BeGreaterThan(result.Out.LastIndexOf("info: ", StringComparison.Ordinal),
            "the final status comes after the events that led to it");
    }
}
