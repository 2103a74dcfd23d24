using System.Diagnostics.CodeAnalysis;

namespace Foundry.Training.Cli.Targets;

/// <summary>Reads an endpoint from an option or an environment variable: an absolute http or https URL.</summary>
internal static class EndpointText
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(text?.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
        return endpoint is not null;
    }
}
