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

    /// <summary>Rejects a request that would carry credentials in clear text (for example a polling URL on another host).</summary>
    /// <exception cref="InvalidOperationException">The request URI is neither HTTPS nor loopback.</exception>
    public static void RequireSecureRequest(RequestUriBuilder uri)
    {
        if (!IsSecure(uri.Scheme, uri.Host))
        {
            throw new InvalidOperationException(
                $"Credentials are only sent over HTTPS; refusing to authenticate a request to '{uri.Scheme}://{uri.Host}'.");
        }
    }

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
