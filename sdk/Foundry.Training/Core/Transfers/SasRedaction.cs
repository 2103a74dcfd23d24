using System;
using System.IO;
using System.Text;
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

    private const string SignatureName = "sig=";

    /// <summary>Replaces the request's signature (and any <c>sig=</c> value) in the buffered body of <paramref name="message"/>'s response.</summary>
    public static void RedactResponseBody(HttpMessage message)
    {
        if (message.Response.ContentStream is not MemoryStream)
        {
            return; // not buffered: nothing was read that an exception could carry
        }

        string body = message.Response.Content.ToString();
        string redacted = RedactSignatures(body);
        if (SignatureOf(message.Request.Uri.Query) is { Length: > 0 } signature)
        {
            redacted = redacted.Replace(signature, Redacted).Replace(Uri.UnescapeDataString(signature), Redacted);
        }

        if (!string.Equals(redacted, body, StringComparison.Ordinal))
        {
            message.Response.ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(redacted), writable: false);
        }
    }

    /// <summary>
    /// Replaces the value of every <c>sig</c> query parameter in <paramref name="text"/>: a <c>sig=</c> after <c>?</c>,
    /// <c>&amp;</c> or <c>;</c> (a URL, its XML-escaped form), after <c>\u0026</c> (its JSON-escaped form, as
    /// System.Text.Json writes it) or after <c>%26</c> (a URL inside a query value), up to the next <c>&amp;</c>, quote,
    /// angle bracket or white space.
    /// </summary>
    /// <remarks>
    /// One linear scan, not a regular expression: an error body may be as large as the client's buffer bound (64 MiB by
    /// default), and a regular expression's timeout there would surface as <c>RegexMatchTimeoutException</c> instead
    /// of the error.
    /// </remarks>
    internal static string RedactSignatures(string text)
    {
        StringBuilder? redacted = null;
        int copied = 0;
        int at = 0;
        while ((at = text.IndexOf(SignatureName, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int start = at + SignatureName.Length;
            int end = start;
            if (FollowsSeparator(text, at))
            {
                while (end < text.Length && !EndsSignature(text[end]))
                {
                    end++;
                }

                if (end > start)
                {
                    redacted ??= new StringBuilder(text.Length);
                    redacted.Append(text, copied, start - copied).Append(Redacted);
                    copied = end;
                }
            }

            at = end;
        }

        return redacted is null ? text : redacted.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool FollowsSeparator(string text, int at) =>
        (at > 0 && text[at - 1] is '?' or '&' or ';') || EndsAt(text, at, "\\u0026") || EndsAt(text, at, "%26");

    private static bool EndsAt(string text, int end, string value) =>
        end >= value.Length && string.Compare(text, end - value.Length, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool EndsSignature(char c) => c is '&' or '"' or '\'' or '<' or '>' || char.IsWhiteSpace(c);

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
