using System;
using System.Collections.Generic;

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

    public static string Header(string name, string value) => s_secretHeaders.Contains(name) ? Redacted : value;

    public static string QueryValue(string name, string value) => string.Equals(name, "sig", StringComparison.OrdinalIgnoreCase) ? Redacted : value;

    /// <summary>
    /// Replaces the value of every <c>sig=</c> parameter in a text (a JSON body with a SAS URL), with the SDK's own
    /// linear scan (<see cref="SasRedaction.RedactSignatures"/>): a regular expression's timeout on a large body would
    /// fail the request being logged.
    /// </summary>
    public static string Text(string text) => SasRedaction.RedactSignatures(text);
}
