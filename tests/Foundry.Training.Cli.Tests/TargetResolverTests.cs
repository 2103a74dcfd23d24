using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Tests;

/// <summary>Which service a command runs against: <c>--service</c>, options, environment variables, the command's needs.</summary>
public sealed class TargetResolverTests
{
    private static readonly Uri Foundry = new("https://acct.services.ai.azure.com/api/projects/p");
    private static readonly Uri Azure = new("https://res.openai.azure.com");

    [Fact]
    public void Options_BeatEnvironment_AndFoundryComesFirst()
    {
        var environment = Environment(("AZURE_OPENAI_ENDPOINT", "https://env.openai.azure.com"), ("OPENAI_API_KEY", "sk"));

        Resolve(new(Foundry, null, null, null, false), environment).Should().Be(new Target(ServiceKind.Foundry, Foundry, null, false));
        Resolve(new(null, Azure, "k", null, false), environment).Should().Be(new Target(ServiceKind.AzureOpenAI, Azure, "k", false));
        Resolve(new(null, null, null, null, false), environment).Kind.Should().Be(ServiceKind.AzureOpenAI, "Azure OpenAI before OpenAI, as the samples do");
        Resolve(new(null, null, null, "openai", false), environment).Kind.Should().Be(ServiceKind.OpenAI);
    }

    [Fact]
    public void TheCommandsNeeds_PickAmongConfiguredServices()
    {
        var environment = Environment(("FOUNDRY_PROJECT_ENDPOINT", Foundry.ToString()), ("OPENAI_API_KEY", "sk"));

        Resolve(new(null, null, null, null, false), environment, ServiceFamily.Any).Kind.Should().Be(ServiceKind.Foundry);
        Resolve(new(null, null, null, null, false), environment, ServiceFamily.FineTuning).Should().Be(new Target(ServiceKind.OpenAI, null, "sk", false));
    }

    [Fact]
    public void Emulator_EmulatesTheNamedOrNeededService()
    {
        Resolve(new(null, null, null, null, true), Environment()).Should().Be(new Target(ServiceKind.Foundry, null, null, true));
        Resolve(new(null, null, null, null, true), Environment(), ServiceFamily.FineTuning).Kind.Should().Be(ServiceKind.OpenAI);
        Resolve(new(null, null, null, "azure-openai", true), Environment()).Kind.Should().Be(ServiceKind.AzureOpenAI);
    }

    [Fact]
    public void AzureOpenAI_KeyFromTheEnvironment_ElseEntraId()
    {
        Resolve(new(null, Azure, null, null, false), Environment(("AZURE_OPENAI_API_KEY", "env-key"))).ApiKey.Should().Be("env-key");
        Target entra = Resolve(new(null, Azure, null, null, false), Environment());
        entra.ApiKey.Should().BeNull();
        entra.ToString().Should().Be("Azure OpenAI https://res.openai.azure.com/ (Entra ID)");
    }

    [Theory]
    [InlineData("foundry", null, null, false, "Foundry training jobs need --project-endpoint or FOUNDRY_PROJECT_ENDPOINT.")]
    [InlineData("openai", null, null, false, "The OpenAI platform needs OPENAI_API_KEY.")]
    [InlineData(null, "both", null, false, "Both --project-endpoint and --endpoint are given: choose one with --service foundry or --service azure-openai.")]
    [InlineData(null, "foundry", "key", false, "--api-key is for Azure OpenAI; this command runs against Foundry training jobs.")]
    [InlineData(null, "foundry", null, true, "--emulator cannot be combined with --project-endpoint or --endpoint.")]
    public void Contradictions_AreUsageErrors(string? service, string? endpoints, string? apiKey, bool emulator, string message)
    {
        var settings = new TargetSettings(endpoints is "foundry" or "both" ? Foundry : null, endpoints is "both" ? Azure : null, apiKey, service, emulator);

        FluentActions.Invoking(() => Resolve(settings, Environment())).Should().Throw<UsageException>().WithMessage(message);
    }

    [Fact]
    public void MalformedEnvironmentEndpoint_IsAUsageError()
    {
        FluentActions.Invoking(() => Resolve(new(null, null, null, null, false), Environment(("FOUNDRY_PROJECT_ENDPOINT", "ftp://x"))))
            .Should().Throw<UsageException>().WithMessage("FOUNDRY_PROJECT_ENDPOINT is not an absolute http(s) URL.");
    }

    [Fact]
    public void Description_NeverShowsAKey()
    {
        new Target(ServiceKind.AzureOpenAI, Azure, "super-secret", false).ToString().Should().NotContain("super-secret");
        new Target(ServiceKind.OpenAI, null, "sk-secret", false).ToString().Should().Be("the OpenAI platform");
    }

    private static Target Resolve(TargetSettings settings, Func<string, string?> environment, ServiceFamily family = ServiceFamily.Any) =>
        TargetResolver.Resolve(settings, environment, family, "jobs list");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
