using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Foundry.Training.Testing;

/// <summary>Keeps credentials out of the request log: authorization headers, keys and SAS signatures.</summary>
internal static class Redaction
{
    public const string Redacted = "REDACTED";

    private static readonly HashSet<string> s_secretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "api-key", "Ocp-Apim-Subscription-Key", "Cookie", "Proxy-Authorization", "x-ms-encryption-key",
        "mgmt-user-token", "aml-user-token", // Azure OpenAI ingestion: the user's workspace tokens
    };

    // After ?, &, a quote or a space, or & escaped in JSON (\u0026) or in a URL (%26); up to the next separator.
    private static readonly Regex s_signature = new(@"(?<=(?:[?&""\s]|\\u0026|%26)sig=)[^&""\s\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static string Header(string name, string value) => s_secretHeaders.Contains(name) ? Redacted : value;

    public static string QueryValue(string name, string value) => string.Equals(name, "sig", StringComparison.OrdinalIgnoreCase) ? Redacted : value;

    /// <summary>Replaces the value of every <c>sig=</c> parameter in a text (a JSON body with a SAS URL).</summary>
    public static string Text(string text) => s_signature.Replace(text, Redacted);
}
