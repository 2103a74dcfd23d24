namespace Foundry.Training.Cli.Targets;

/// <summary>The service a command runs against and how to reach it (never printed with its key).</summary>
/// <param name="Kind">The service.</param>
/// <param name="Endpoint">Foundry project or Azure OpenAI endpoint; for OpenAI, a custom base URL (<c>OPENAI_BASE_URL</c>) or null.</param>
/// <param name="ApiKey">Azure OpenAI or OpenAI key; null means Entra ID (Foundry, Azure OpenAI without a key).</param>
/// <param name="IsEmulator">Whether the embedded emulator plays the service.</param>
internal sealed record Target(ServiceKind Kind, Uri? Endpoint, string? ApiKey, bool IsEmulator)
{
    /// <summary>OpenAI: <c>OPENAI_ORG_ID</c>.</summary>
    public string? OpenAIOrganization { get; init; }

    /// <summary>OpenAI: <c>OPENAI_PROJECT_ID</c>.</summary>
    public string? OpenAIProject { get; init; }

    /// <summary>For people: which service, where, how it signs in. No secret.</summary>
    public override string ToString() => (IsEmulator, Kind) switch
    {
        (true, _) => $"embedded emulator ({ServiceNames.Describe(Kind)})",
        (_, ServiceKind.Foundry) => $"Foundry project {Endpoint}",
        (_, ServiceKind.AzureOpenAI) => $"Azure OpenAI {Endpoint} ({(ApiKey is null ? "Entra ID" : "API key")})",
        _ => Endpoint is null ? "the OpenAI platform" : $"OpenAI-compatible service {Endpoint}",
    };
}
