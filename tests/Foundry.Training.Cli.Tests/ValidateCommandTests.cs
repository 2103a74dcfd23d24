using System.Text.Json.Nodes;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>validate</c>: offline, so no emulator is reached; problems make exit code 1.</summary>
public sealed class ValidateCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Cli _cli = new(fixture.Emulator);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ValidFile_Json_ReportsStructureTokensEpochsAndBilledTokens()
    {
        int before = _cli.Emulator.Emulator.Requests.Count;

        CliResult result = await _cli.RunAsync("validate", Cli.Sample("train.jsonl"), "--model", "gpt-4.1-mini-2025-04-14", "--price", "3.2", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        JsonNode json = result.Json;
        json["valid"]!.GetValue<bool>().Should().BeTrue();
        json["format"]!.GetValue<string>().Should().Be("chat");
        json["example_count"]!.GetValue<long>().Should().Be(5);
        json["problems"]!.AsArray().Should().BeEmpty();
        JsonNode tokens = json["tokens"]!;
        tokens["model"]!.GetValue<string>().Should().Be("gpt-4.1-mini-2025-04-14");
        tokens["encoding"]!.GetValue<string>().Should().Be("o200k_base");
        tokens["max_tokens_per_example"]!.GetValue<int>().Should().Be(65_536);
        tokens["default_epochs"]!.GetValue<int>().Should().Be(20, "5 examples x 3 < 100: min(25, 100 / 5)");
        long perEpoch = tokens["billed_tokens_per_epoch"]!.GetValue<long>();
        perEpoch.Should().Be(tokens["per_example"]!["total"]!.GetValue<long>(), "no example is over the limit");
        tokens["estimated_billed_tokens"]!.GetValue<long>().Should().Be(perEpoch * 20);
        tokens["estimated_cost"]!.GetValue<decimal>().Should().Be(perEpoch * 20 * 3.2m / 1_000_000m);
        result.Error.Should().BeEmpty();
        _cli.Emulator.Emulator.Requests.Count.Should().Be(before, "validation is offline");
    }

    [Fact]
    public async Task ValidFile_Text_ShowsTheTokenTableAndBilling()
    {
        CliResult result = await _cli.RunAsync("validate", Cli.Sample("train.jsonl"), "--model", "gpt-4.1-mini-2025-04-14", "--epochs", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("train.jsonl: 5 chat examples, 0 problems");
        result.Out.Should().Contain("per example").And.Contain("assistant").And.Contain("median");
        result.Out.Should().Contain("0 examples over the 65,536-token limit");
        result.Out.Should().MatchRegex(@"tokens per epoch x 2 epochs \(default 20\) = [\d,]+ billed tokens");
    }

    [Fact]
    public async Task FileWithProblems_ExitCode1_ListsEveryProblemByLine()
    {
        string file = _temp.File("bad.jsonl", """
            {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}
            not json
            {"messages":[{"role":"user","content":"no answer"}]}

            """);

        CliResult result = await _cli.RunAsync("validate", file, "--output", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        JsonNode json = result.Json;
        json["valid"]!.GetValue<bool>().Should().BeFalse();
        json["problem_count"]!.GetValue<long>().Should().Be(2);
        JsonArray problems = json["problems"]!.AsArray();
        problems.Select(p => (p!["line"]!.GetValue<long>(), p["kind"]!.GetValue<string>())).Should().Equal((2L, "InvalidJson"), (3L, "NoAssistantMessage"));
        json["tokens"]!["encoding"]!.GetValue<string>().Should().Be("o200k_base", "without --model the default encoding counts");

        CliResult text = await _cli.RunAsync("validate", file);
        text.ExitCode.Should().Be(1);
        text.Out.Should().Contain("2 problems").And.Contain("line 2: InvalidJson").And.Contain("line 3: NoAssistantMessage");
        text.Error.Should().Contain("pass --model");
    }

    [Fact]
    public async Task ExampleOverTheLimit_IsListedWithItsLine()
    {
        string file = _temp.File("long.jsonl", """
            {"messages":[{"role":"user","content":"one two three four five six seven eight nine ten"},{"role":"assistant","content":"ok"}]}
            {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}]}

            """);

        CliResult result = await _cli.RunAsync("validate", file, "--max-tokens", "20", "--output", "json");

        result.ExitCode.Should().Be(0, "over the limit is truncated by the service, not a structure problem");
        JsonNode over = result.Json["tokens"]!["examples_over_limit"]!;
        over["count"]!.GetValue<long>().Should().Be(1);
        over["examples"]![0]!["line"]!.GetValue<long>().Should().Be(1);
    }

    [Theory]
    [InlineData("missing.jsonl", "does not exist")]
    [InlineData(".", "is a folder")]
    public async Task NoSuchFile_IsAUsageError(string file, string message)
    {
        CliResult result = await _cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("error: ").And.Contain(message);
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownModelWithoutEncoding_IsAUsageError_AndAnEncodingFixesIt()
    {
        CliResult unknown = await _cli.RunAsync("validate", Cli.Sample("train.jsonl"), "--model", "my-llama");
        unknown.ExitCode.Should().Be(2);
        unknown.Error.Should().Contain("The encoding of model 'my-llama' is unknown").And.NotContain("(Parameter");

        CliResult known = await _cli.RunAsync("validate", Cli.Sample("train.jsonl"), "--model", "my-llama", "--encoding", "cl100k_base", "--output", "json");
        known.ExitCode.Should().Be(0);
        known.Json["tokens"]!["encoding"]!.GetValue<string>().Should().Be("cl100k_base");
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "two")]
    [InlineData("--max-tokens", "-1")]
    [InlineData("--price", "-2")]
    [InlineData("--encoding", "p50k_base")]
    [InlineData("--format", "csv")]
    public async Task BadOptionValue_IsAUsageError(string option, string value)
    {
        CliResult result = await _cli.RunAsync("validate", Cli.Sample("train.jsonl"), option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Run 'foundry-train validate --help' for usage.");
    }

    [Fact]
    public async Task ReinforcementFormat_MustBeAskedFor_AndBillsNoTokens()
    {
        string file = _temp.File("rft.jsonl", """
            {"messages":[{"role":"developer","content":"Answer with a number."},{"role":"user","content":"2+2?"}],"reference_answer":"4"}

            """);

        CliResult result = await _cli.RunAsync("validate", file, "--format", "reinforcement", "--model", "o4-mini-2025-04-16", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["format"]!.GetValue<string>().Should().Be("reinforcement");
        result.Json["tokens"]!["estimated_billed_tokens"].Should().BeNull("reinforcement fine-tuning is billed by time");
    }
}
