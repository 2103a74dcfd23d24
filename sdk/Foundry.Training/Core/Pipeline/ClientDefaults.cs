using Azure.Core;

namespace Foundry.Training;

/// <summary>Defaults shared by every client's options.</summary>
internal static class ClientDefaults
{
    /// <summary>
    /// Headers worth seeing in logs and error messages; none of them carries a secret. URL-valued headers
    /// (<c>Location</c>, <c>Operation-Location</c>) stay out: their query could hold a SAS signature, which the sanitizer
    /// only removes from request URLs. The request that follows such a URL is logged with its query redacted.
    /// </summary>
    private static readonly string[] s_loggedHeaders =
    {
        "apim-request-id", "x-request-id", "x-ms-request-id", "x-ms-client-request-id", "request-id",
        "Operation-Id", "Foundry-Features", "retry-after-ms", "x-ms-retry-after-ms",
        "x-should-retry", "openai-organization", "openai-project", "openai-processing-ms", "openai-version",
        "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
    };

    /// <summary>Query parameters worth seeing in logs; SAS signatures and anything else stay redacted.</summary>
    private static readonly string[] s_loggedQuery =
    {
        "api-version", "limit", "order", "after", "before", "job_type", "tag", "list_view_type", "properties", "path",
        "path_prefix", "node_id", "started_at", "ended_at", "min_step", "max_step", "purpose",
    };

    /// <summary>Installs the retry policy of every client, bounded response buffering and the log allow-lists.</summary>
    /// <remarks>
    /// Azure.Core takes a retry policy only from <see cref="ClientOptions.RetryPolicy"/>; setting it here (the options'
    /// constructors call this) rather than when a client is built leaves the caller's options untouched later and
    /// lets a caller replace it. The policy reads <see cref="ClientOptions.Retry"/> on every retry.
    /// </remarks>
    public static void Apply<TOptions>(TOptions options)
        where TOptions : ClientOptions, IResponseBufferOptions
    {
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry);
        options.AddPolicy(new ResponseBufferPolicy(options), HttpPipelinePosition.BeforeTransport);
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
