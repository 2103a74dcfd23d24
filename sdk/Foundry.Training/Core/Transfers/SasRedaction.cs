using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Keeps a SAS signature out of an error's body. Storage (or a hostile server in its place) may echo the request's URL
/// in an error body, and a <see cref="RequestFailedException"/> carries that body in its message and raw response; the
/// signature there is replaced before the exception is made.
/// </summary>
internal static class SasRedaction
{
    public const string Redacted = "REDACTED";

    /// <summary>The value of a <c>sig</c> query parameter wherever it appears (a URL, its XML- or JSON-escaped form).</summary>
    private static readonly Regex s_signature = new("(?<=[?&;]sig=)[^&\\s\"'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Replaces the request's signature (and any <c>sig=</c> value) in the buffered body of <paramref name="message"/>'s response.</summary>
    public static void RedactResponseBody(HttpMessage message)
    {
        if (message.Response.ContentStream is not MemoryStream)
        {
            return; // not buffered: nothing was read that an exception could carry
        }

        string body = message.Response.Content.ToString();
        string redacted = s_signature.Replace(body, Redacted);
        if (SignatureOf(message.Request.Uri.Query) is { Length: > 0 } signature)
        {
            redacted = redacted.Replace(signature, Redacted).Replace(Uri.UnescapeDataString(signature), Redacted);
        }

        if (!string.Equals(redacted, body, StringComparison.Ordinal))
        {
            message.Response.ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(redacted), writable: false);
        }
    }

    private static string? SignatureOf(string query)
    {
        foreach (string pair in query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("sig=", StringComparison.OrdinalIgnoreCase))
            {
                return pair.Substring(4);
            }
        }

        return null;
    }
}
