using System.Text.Json.Nodes;
using Azure.Core;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Tests;

/// <summary>Help, usage errors (exit code 2), choosing the service, <c>--verbose</c>.</summary>
public sealed class UsageAndTargetTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly Cli _cli = new(fixture.Emulator);

    [Fact]
    public async Task Help_ListsTheCommandsAndGlobalOptions()
    {
        CliResult result = await _cli.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Usage:").And.Contain("foundry-train [command] [options]");
        foreach (string command in new[] { "validate", "upload", "jobs", "artifacts" })
        {
            result.Out.Should().Contain(command);
        }

        foreach (string option in new[] { "--project-endpoint", "--endpoint", "--api-key", "--service", "--emulator", "--output", "--verbose" })
        {
            result.Out.Should().Contain(option);
        }
    }

    [Fact]
    public async Task SubcommandHelp_ShowsItsOptions()
    {
        CliResult result = await _cli.RunAsync("jobs", "create", "--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("foundry-train jobs create [options]").And.Contain("--dry-run").And.Contain("--training-file").And.Contain("--emulator");
    }

    [Theory]
    [InlineData(new[] { "jobs" }, "Required command was not provided.", "foundry-train jobs")]
    [InlineData(new[] { "jobs", "list", "--bogus" }, "Unrecognized command or argument '--bogus'.", "foundry-train jobs list")]
    [InlineData(new[] { "jobs", "show" }, "Required argument 'name' missing for command: 'show'.", "foundry-train jobs show")]
    [InlineData(new[] { "jobs", "list", "--top", "many" }, "--top must be a whole number of at least 1.", "foundry-train jobs list")]
    [InlineData(new[] { "jobs", "list", "--service", "aws" }, "Argument 'aws' not recognized.", "foundry-train jobs list")]
    [InlineData(new[] { "jobs", "list", "--project-endpoint", "not a url" }, "'not a url' is not an absolute http(s) URL.", "foundry-train jobs list")]
    [InlineData(new[] { "jobs", "watch", "x", "--interval", "0" }, "--interval must be a number more than 0 and at most 3600.", "foundry-train jobs watch")]
    public async Task UsageErrors_ExitCode2_WithTheErrorAndWhereToLook(string[] args, string error, string command)
    {
        CliResult result = await _cli.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("error: " + error).And.Contain($"Run '{command} --help' for usage.");
    }

    [Fact]
    public async Task NoServiceConfigured_IsAUsageError_ThatSuggestsTheEmulator()
    {
        CliResult result = await _cli.RunAsync("jobs", "list");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("error: No service for jobs list: pass --project-endpoint (Foundry) or --endpoint (Azure OpenAI), or set FOUNDRY_PROJECT_ENDPOINT, AZURE_OPENAI_ENDPOINT or OPENAI_API_KEY; or try it on the embedded emulator with --emulator.");
    }

    [Fact]
    public async Task ProjectEndpoint_ReachesFoundryWithTheEntraCredential()
    {
        var credential = new RecordingCredential(_cli.Emulator.Emulator.Credential);
        _cli.Credential = credential;

        CliResult result = await _cli.RunAsync("--project-endpoint", _cli.Emulator.Emulator.Endpoint.ToString(), "jobs", "show", DemoEmulator.CompletedJob, "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["name"]!.GetValue<string>().Should().Be(DemoEmulator.CompletedJob);
        credential.Scopes.Should().Contain("https://ai.azure.com/.default");
    }

    [Fact]
    public async Task EnvironmentVariables_ChooseTheService_AndOptionsWin()
    {
        string endpoint = _cli.Emulator.Emulator.Endpoint.ToString();
        _cli.Environment["AZURE_OPENAI_ENDPOINT"] = endpoint;
        _cli.Environment["AZURE_OPENAI_API_KEY"] = "secret-key-value";

        CliResult azure = await _cli.RunAsync("jobs", "list", "--output", "json");
        azure.ExitCode.Should().Be(0, azure.ToString());
        azure.Json.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().MatchRegex("^ftjob-[0-9a-f]{32}$", "Azure OpenAI ids are hexadecimal");
        _cli.Emulator.Emulator.Requests.Last().Headers.Should().ContainKey("api-key");

        CliResult foundry = await _cli.RunAsync("jobs", "list", "--project-endpoint", endpoint, "--output", "json");
        foundry.Json.AsArray().Should().Contain(j => j!["name"]!.GetValue<string>() == DemoEmulator.CompletedJob, "an option beats an environment variable");

        _cli.Environment["FOUNDRY_PROJECT_ENDPOINT"] = endpoint;
        CliResult upload = await _cli.RunAsync("upload", Cli.Sample("train.jsonl"), "--output", "json");
        upload.ExitCode.Should().Be(0, "upload needs a fine-tuning service: the Foundry variable is passed over");
        _cli.Emulator.Emulator.Requests.Last(r => r.Method == "POST").Path.Should().Be("/openai/files");
    }

    [Fact]
    public async Task OpenAIKeyAndBaseUrl_ReachAnOpenAICompatibleService()
    {
        _cli.Environment["OPENAI_API_KEY"] = "sk-test";
        _cli.Environment["OPENAI_BASE_URL"] = _cli.Emulator.Emulator.Endpoint.ToString();
        _cli.Environment["OPENAI_PROJECT_ID"] = "proj_1";

        CliResult result = await _cli.RunAsync("jobs", "list", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().MatchRegex("^ftjob-[A-Za-z0-9]{24}$", "OpenAI ids are alphanumeric");
        _cli.Emulator.Emulator.Requests.Last().Headers.Should().Contain("OpenAI-Project", "proj_1");
    }

    [Fact]
    public async Task Verbose_WritesTheSdksLogWithSecretsRedacted()
    {
        _cli.Environment["AZURE_OPENAI_ENDPOINT"] = _cli.Emulator.Emulator.Endpoint.ToString();

        CliResult result = await _cli.RunAsync("jobs", "list", "--api-key", "secret-key-value", "--verbose", "--output", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("foundry-train: target Azure OpenAI").And.Contain("(API key)");
        result.Error.Should().Contain("[Azure-Core]").And.Contain("/openai/fine_tuning/jobs");
        result.Error.Should().NotContain("secret-key-value");
        JsonNode.Parse(result.Out).Should().NotBeNull("the log goes to standard error: standard output stays JSON");
    }

    [Fact]
    public async Task Verbose_AddsTheExceptionToAnError()
    {
        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", "missing", "--verbose");

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("error: Training job 'missing' was not found.").And.Contain("Azure.RequestFailedException").And.Contain("Status: 404");
    }

    [Fact]
    public async Task Version_PrintsTheToolsVersion()
    {
        CliResult result = await _cli.RunAsync("--version");

        result.ExitCode.Should().Be(0);
        result.Out.Trim().Should().Be(ToolVersionAction.Version).And.StartWith("0.", "the tool's version, not the host process's");
    }

    [Fact]
    public async Task HostileServiceText_NeverReachesTheTerminalRaw()
    {
        TrainingJobsClient client = _cli.Emulator.Emulator.CreateTrainingJobsClient();
        await client.CreateAsync("hostile", new CommandJob("gpu") { Command = "run", EnvironmentImageReference = "img", DisplayName = "\u001b]0;owned\u0007[red]evil[/] \u202Egnp.exe" });

        CliResult result = await _cli.RunAsync("--emulator", "jobs", "show", "hostile");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u202E");
        result.Out.Should().Contain("[red]evil[/]", "service text is never read as markup");

        CliResult json = await _cli.RunAsync("--emulator", "jobs", "show", "hostile", "--output", "json");
        json.Out.Should().NotContain("\u001b").And.Contain("\\u001B", "JSON escapes control characters");
        json.Json["properties"]!["display_name"]!.GetValue<string>().Should().StartWith("\u001b]0;owned", "JSON keeps the value exactly");
    }

    /// <summary>Records the scopes it is asked for.</summary>
    private sealed class RecordingCredential(TokenCredential inner) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return inner.GetToken(requestContext, cancellationToken);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return inner.GetTokenAsync(requestContext, cancellationToken);
        }
    }
}
