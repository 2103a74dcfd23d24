using Azure.Core;

namespace Foundry.Training;

/// <summary>Defaults shared by every client's options.</summary>
internal static class ClientDefaults
{
    /// <summary>Headers worth seeing in logs and error messages; none of them carries a secret.</summary>
    private static readonly string[] s_loggedHeaders =
    {
        "apim-request-id", "x-request-id", "x-ms-request-id", "x-ms-client-request-id", "request-id",
        "Operation-Location", "Location", "Operation-Id", "Foundry-Features", "retry-after-ms", "x-ms-retry-after-ms",
        "x-should-retry", "openai-organization", "openai-project", "openai-processing-ms", "openai-version",
        "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
    };

    /// <summary>Query parameters worth seeing in logs; SAS signatures and anything else stay redacted.</summary>
    private static readonly string[] s_loggedQuery =
    {
        "api-version", "limit", "order", "after", "before", "job_type", "tag", "list_view_type", "properties", "path",
        "path_prefix", "node_id", "started_at", "ended_at", "min_step", "max_step", "purpose",
    };

    public static void Apply(ClientOptions options)
    {
        foreach (string header in s_loggedHeaders)
        {
            options.Diagnostics.LoggedHeaderNames.Add(header);
        }

        foreach (string parameter in s_loggedQuery)
        {
            options.Diagnostics.LoggedQueryParameters.Add(parameter);
        }
    }
}
