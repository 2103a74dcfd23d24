using System;
using Azure;

namespace Foundry.Training;

/// <summary>Where a <c>202 Accepted</c> says to poll: <c>Operation-Location</c> (status) first, then <c>Location</c> (result).</summary>
internal static class PollingLocation
{
    /// <summary>The absolute polling URI, resolving a relative header against <paramref name="requestUri"/>; null when neither header is present.</summary>
    public static Uri? Get(Response response, Uri requestUri)
    {
        foreach (string header in new[] { "Operation-Location", "Location" })
        {
            if (response.Headers.TryGetValue(header, out string? value) && !string.IsNullOrWhiteSpace(value) &&
                Uri.TryCreate(requestUri, value!.Trim(), out Uri? uri))
            {
                return uri;
            }
        }

        return null;
    }
}
