using Foundry.Training.Cli.Hosting;

namespace Foundry.Training.Cli.Targets;

/// <summary>
/// Chooses the service a command runs against. <c>--emulator</c> runs against the embedded emulator (of the service
/// <c>--service</c> names, else the one the command needs). Otherwise <c>--service</c> picks the service, else the
/// first configured one that the command can use: options before environment variables, and Foundry
/// (<c>--project-endpoint</c>, <c>FOUNDRY_PROJECT_ENDPOINT</c>), then Azure OpenAI (<c>--endpoint</c>,
/// <c>AZURE_OPENAI_ENDPOINT</c>), then OpenAI (<c>OPENAI_API_KEY</c>).
/// </summary>
internal static class TargetResolver
{
    public const string FoundryEndpointVariable = "FOUNDRY_PROJECT_ENDPOINT";
    public const string AzureEndpointVariable = "AZURE_OPENAI_ENDPOINT";
    public const string AzureKeyVariable = "AZURE_OPENAI_API_KEY";
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";
    public const string OpenAIBaseUrlVariable = "OPENAI_BASE_URL";
    public const string OpenAIOrganizationVariable = "OPENAI_ORG_ID";
    public const string OpenAIProjectVariable = "OPENAI_PROJECT_ID";

    /// <param name="settings">The global options.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="family">The services the command can use.</param>
    /// <param name="purpose">What needs the target, for messages: <c>upload</c>, <c>this fine-tuning job document</c>.</param>
    /// <exception cref="UsageException">No usable service is configured, or the options contradict each other.</exception>
    public static Target Resolve(TargetSettings settings, Func<string, string?> environment, ServiceFamily family, string purpose)
    {
        ServiceKind? requested = settings.Service is null ? null : ServiceNames.Parse(settings.Service);
        if (requested is ServiceKind named && !ServiceNames.Fits(named, family))
        {
            throw new UsageException($"{Capitalize(purpose)} works with {FamilyText(family)}, not {ServiceNames.Describe(named)} (--service {settings.Service}).");
        }

        if (settings.Emulator)
        {
            if (settings.ProjectEndpoint is not null || settings.Endpoint is not null)
            {
                throw new UsageException("--emulator cannot be combined with --project-endpoint or --endpoint.");
            }

            return new Target(requested ?? (family == ServiceFamily.FineTuning ? ServiceKind.OpenAI : ServiceKind.Foundry), null, null, IsEmulator: true);
        }

        ServiceKind kind = requested ?? Choose(settings, environment, family, purpose);
        if (settings.ApiKey is not null && kind != ServiceKind.AzureOpenAI)
        {
            throw new UsageException($"--api-key is for Azure OpenAI; this command runs against {ServiceNames.Describe(kind)}.");
        }

        return kind switch
        {
            ServiceKind.Foundry => new Target(kind, settings.ProjectEndpoint ?? EnvironmentEndpoint(environment, FoundryEndpointVariable)
                ?? throw new UsageException($"Foundry training jobs need --project-endpoint or {FoundryEndpointVariable}."), null, false),
            ServiceKind.AzureOpenAI => new Target(kind, settings.Endpoint ?? EnvironmentEndpoint(environment, AzureEndpointVariable)
                ?? throw new UsageException($"Azure OpenAI needs --endpoint or {AzureEndpointVariable}."), settings.ApiKey ?? Value(environment, AzureKeyVariable), false),
            _ => new Target(kind, EnvironmentEndpoint(environment, OpenAIBaseUrlVariable), Value(environment, OpenAIKeyVariable)
                ?? throw new UsageException($"The OpenAI platform needs {OpenAIKeyVariable}."), false)
            {
                OpenAIOrganization = Value(environment, OpenAIOrganizationVariable),
                OpenAIProject = Value(environment, OpenAIProjectVariable),
            },
        };
    }

    /// <summary>The first configured service the command can use: options first, then environment variables.</summary>
    private static ServiceKind Choose(TargetSettings settings, Func<string, string?> environment, ServiceFamily family, string purpose)
    {
        var fromOptions = new List<ServiceKind>();
        if (settings.ProjectEndpoint is not null)
        {
            fromOptions.Add(ServiceKind.Foundry);
        }

        if (settings.Endpoint is not null)
        {
            fromOptions.Add(ServiceKind.AzureOpenAI);
        }

        List<ServiceKind> usable = fromOptions.FindAll(kind => ServiceNames.Fits(kind, family));
        if (usable.Count > 1)
        {
            throw new UsageException("Both --project-endpoint and --endpoint are given: choose one with --service foundry or --service azure-openai.");
        }

        if (usable.Count == 1)
        {
            return usable[0];
        }

        (ServiceKind Kind, string Variable)[] fromEnvironment =
        [
            (ServiceKind.Foundry, FoundryEndpointVariable),
            (ServiceKind.AzureOpenAI, AzureEndpointVariable),
            (ServiceKind.OpenAI, OpenAIKeyVariable),
        ];
        foreach ((ServiceKind kind, string variable) in fromEnvironment)
        {
            if (ServiceNames.Fits(kind, family) && Value(environment, variable) is not null)
            {
                return kind;
            }
        }

        string how = family switch
        {
            ServiceFamily.Foundry => $"pass --project-endpoint or set {FoundryEndpointVariable}",
            ServiceFamily.FineTuning => $"pass --endpoint (Azure OpenAI) or set {AzureEndpointVariable} or {OpenAIKeyVariable}",
            _ => $"pass --project-endpoint (Foundry) or --endpoint (Azure OpenAI), or set {FoundryEndpointVariable}, {AzureEndpointVariable} or {OpenAIKeyVariable}",
        };
        throw new UsageException($"No service for {purpose}: {how}; or try it on the embedded emulator with --emulator.");
    }

    private static Uri? EnvironmentEndpoint(Func<string, string?> environment, string variable) => Value(environment, variable) switch
    {
        null => null,
        string text when EndpointText.TryParse(text, out Uri? uri) => uri,
        _ => throw new UsageException($"{variable} is not an absolute http(s) URL."),
    };

    private static string? Value(Func<string, string?> environment, string variable) =>
        environment(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string FamilyText(ServiceFamily family) => family == ServiceFamily.Foundry ? "Foundry training jobs" : "Azure OpenAI or the OpenAI platform";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
