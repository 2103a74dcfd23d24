using System;
using Azure;

namespace Foundry.Training;

/// <summary>Where a <c>202 Accepted</c> says to poll: <c>Operation-Location</c> (status) first, then <c>Location</c> (result).</summary>
internal static class PollingLocation
{
    /// <summary>
    /// The absolute polling URI, resolving a relative header against <paramref name="requestUri"/>; null when neither
    /// header is present. A header that cannot be read as a URL is skipped.
    /// </summary>
    /// <exception cref="RequestFailedException">The header names a URL that is not http or https (<c>ftp:</c>, <c>file:</c>, ...): it is never polled.</exception>
    public static Uri? Get(Response response, Uri requestUri)
    {
        foreach (string header in new[] { "Operation-Location", "Location" })
        {
            if (response.Headers.TryGetValue(header, out string? value) && !string.IsNullOrWhiteSpace(value) &&
                Uri.TryCreate(requestUri, value!.Trim(), out Uri? uri))
            {
                // The URL itself is not quoted: its query may carry a SAS signature.
                return ServiceUrl.IsHttp(uri)
                    ? uri
                    : throw ServiceFailure.Create(response, $"The service asked to poll the operation at a '{uri.Scheme}:' URL ({header} header); only http and https URLs are polled.", "InvalidPollingLocation");
            }
        }

        return null;
    }
}
