using System;
using System.Net;
using Azure.Core;

namespace Foundry.Training;

/// <summary>Credentials travel only over HTTPS, or over plain HTTP to a loopback address (tests and the emulator).</summary>
internal static class TransportSecurity
{
    public static bool IsSecure(string? scheme, string? host) =>
        string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ||
        (string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) && IsLoopback(host));

    /// <summary>Rejects an endpoint that would carry credentials in clear text.</summary>
    /// <exception cref="ArgumentException">The endpoint is neither HTTPS nor loopback.</exception>
    public static void RequireSecureEndpoint(Uri endpoint, string parameterName)
    {
        Argument.AssertNotNull(endpoint, parameterName);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The endpoint '{endpoint}' must be an absolute URI.", parameterName);
        }

        if (!IsSecure(endpoint.Scheme, endpoint.Host))
        {
            throw new ArgumentException(
                $"Credentials are only sent over HTTPS; the endpoint '{endpoint.Scheme}://{endpoint.Host}' is neither HTTPS nor a loopback address.",
                parameterName);
        }
    }

    /// <summary>
    /// Whether a request goes to the client's own service (same scheme, host and port). Next links and polling
    /// locations can point anywhere; credentials go only to the endpoint the caller configured.
    /// </summary>
    public static bool IsOwnService(RequestUriBuilder uri, Uri endpoint) =>
        string.Equals(uri.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase) &&
        (uri.Port == endpoint.Port || (uri.Port == -1 && endpoint.IsDefaultPort));

    private static bool IsLoopback(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string trimmed = host!.Trim('[', ']');
        return IPAddress.TryParse(trimmed, out IPAddress? address) && IPAddress.IsLoopback(address);
    }
}
