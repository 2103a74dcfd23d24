using System;

namespace Foundry.Training;

/// <summary>
/// Reads a URL a service sent (a next link, an <c>Operation-Location</c>): only http and https are followed. Which
/// origin it may point to is the credential policies' concern (<see cref="TransportSecurity.IsOwnService"/>).
/// </summary>
internal static class ServiceUrl
{
    /// <summary>
    /// Resolves <paramref name="value"/> against <paramref name="baseUri"/> (an absolute value stays as it is); null
    /// unless the result is an http or https URL. <c>Uri.TryCreate(value, UriKind.Absolute)</c> alone is not used: on
    /// Unix it reads a rooted path such as <c>/openai/ingestion/jobs?page=2</c> as a <c>file:</c> URL.
    /// </summary>
    public static Uri? Resolve(Uri baseUri, string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(baseUri, value!.Trim(), out Uri? uri) && IsHttp(uri) ? uri : null;

    /// <summary>Whether <paramref name="uri"/> is an absolute http or https URL.</summary>
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
