using System.CommandLine;
using System.CommandLine.Parsing;
using Foundry.Training.Cli.Output;

namespace Foundry.Training.Cli.Targets;

/// <summary>The options every command takes (recursive: they may stand before or after the command's name).</summary>
internal sealed class GlobalOptions
{
    public Option<Uri?> ProjectEndpoint { get; } = new("--project-endpoint")
    {
        Description = "Foundry project endpoint, https://{account}.services.ai.azure.com/api/projects/{project} (env FOUNDRY_PROJECT_ENDPOINT); signs in with DefaultAzureCredential",
        HelpName = "url",
        Recursive = true,
        CustomParser = ParseEndpoint,
    };

    public Option<Uri?> Endpoint { get; } = new("--endpoint")
    {
        Description = "Azure OpenAI endpoint, https://{resource}.openai.azure.com (env AZURE_OPENAI_ENDPOINT)",
        HelpName = "url",
        Recursive = true,
        CustomParser = ParseEndpoint,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "Azure OpenAI API key (env AZURE_OPENAI_API_KEY); without one, Entra ID through DefaultAzureCredential",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string?> Service { get; } = new("--service")
    {
        Description = "Which service to use when several are configured, or which one --emulator emulates",
        HelpName = "foundry|azure-openai|openai",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against an embedded emulator started for this command (no account needed; see docs/cli.md)",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output")
    {
        Description = "text (tables, progress) or json (the services' JSON, for scripts)",
        HelpName = "text|json",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Write the SDK's log (requests, responses, retries; secrets redacted) and error details to standard error",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Service.AcceptOnlyFromAmong(ServiceNames.All);
    }

    public IEnumerable<Option> All => [ProjectEndpoint, Endpoint, ApiKey, Service, Emulator, Output, Verbose];

    /// <summary>An absolute http(s) URL; anything else is a usage error before the command runs.</summary>
    private static Uri? ParseEndpoint(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (EndpointText.TryParse(text, out Uri? uri))
        {
            return uri;
        }

        result.AddError($"'{text}' is not an absolute http(s) URL.");
        return null;
    }
}
