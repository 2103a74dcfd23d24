using System;
using Azure;

namespace Foundry.Training.Datasets;

/// <summary>
/// Where a pending upload's blobs go: the blob prefix from <c>blobUri</c> and the SAS query from <c>sasUri</c>, checked
/// so that the SAS only ever goes to its own container. The SAS is a secret: <see cref="DataUri"/> never holds it, and
/// no message names a URL.
/// </summary>
internal sealed class UploadContainer
{
    private readonly string _prefix;
    private readonly string _sasQuery;

    private UploadContainer(string prefix, string sasQuery)
    {
        _prefix = prefix;
        _sasQuery = sasQuery;
    }

    /// <summary>Reads the pending upload's blob reference.</summary>
    /// <exception cref="RequestFailedException">
    /// The reference is missing or unusable: no SAS URI, a SAS URI neither HTTPS nor loopback, or a blob URI outside the
    /// SAS URI's container (the SAS would be sent elsewhere).
    /// </exception>
    public static UploadContainer From(Response response, PendingUploadResult result)
    {
        Uri? sas = result.BlobReference?.Credential?.SasUri;
        Uri? blob = result.BlobReference?.BlobUri;
        if (sas is null || !sas.IsAbsoluteUri || blob is null || !blob.IsAbsoluteUri)
        {
            throw Invalid(response, "has no absolute blobReference.blobUri and credential.sasUri");
        }

        if (!TransportSecurity.IsSecure(sas.Scheme, sas.Host))
        {
            throw Invalid(response, "has a SAS URI that is neither HTTPS nor a loopback address; the SAS was not used");
        }

        string container = sas.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string prefix = blob.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!string.Equals(blob.Scheme, sas.Scheme, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(blob.Authority, sas.Authority, StringComparison.OrdinalIgnoreCase) ||
            !(prefix.Equals(container, StringComparison.Ordinal) || prefix.StartsWith(container + "/", StringComparison.Ordinal)))
        {
            throw Invalid(response, "has a blob URI outside the container its SAS is for; the SAS was not used");
        }

        return new UploadContainer(prefix, sas.Query);
    }

    /// <summary>The URL of the blob or folder (<paramref name="relativePath"/> null) without any query: a dataset's <c>dataUri</c>.</summary>
    public string DataUri(string? relativePath) => relativePath is null ? _prefix : _prefix + "/" + Escape(relativePath);

    /// <summary>The blob's URL with the SAS query: a secret.</summary>
    public Uri BlobUrl(string relativePath) => new(DataUri(relativePath) + _sasQuery);

    private static string Escape(string relativePath) => string.Join("/", Array.ConvertAll(relativePath.Split('/'), Uri.EscapeDataString));

    private static RequestFailedException Invalid(Response response, string problem) =>
        ServiceFailure.Create(response, $"Service returned status {response.Status} with a pending upload that {problem}.", "InvalidResponseBody");
}
