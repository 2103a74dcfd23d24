using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Foundry.Training.Conformance;

/// <summary>One problem Prism found with a request or a response (its <c>sl-violations</c> header, or a 422 body's <c>validation</c>).</summary>
/// <param name="Location">Where, for example <c>request.body.model</c> or <c>response.header.location</c>.</param>
/// <param name="Severity"><c>Error</c>, <c>Warning</c>, ...</param>
/// <param name="Message">Prism's text.</param>
internal sealed record Violation(string Location, string Severity, string Message)
{
    /// <summary>Whether the request (what the SDK sent) is at fault, rather than the response (what Prism made up).</summary>
    public bool IsRequest => !Location.StartsWith("response", System.StringComparison.Ordinal);

    public bool IsError => Severity == "Error";

    /// <summary>Whether this notes that Prism cut its list short, so that later entries are unknown.</summary>
    public bool IsCutShort => Message.StartsWith(CutShort, System.StringComparison.Ordinal);

    private const string CutShort = "Prism cut its violation list";

    public override string ToString() => $"{(IsRequest ? "request" : "response")} {Severity.ToLowerInvariant()} at {Location}: {Message}";

    /// <summary>Parses an <c>sl-violations</c> header; a malformed one becomes a single violation saying so.</summary>
    public static IReadOnlyList<Violation> ParseArray(string json)
    {
        // A long list comes cut: Prism may prefix it with "Too many violations! " and keep the first entries, and it
        // stops the header at about 8 KB, mid-entry. The complete entries are kept. Prism lists the request's violations
        // before the response's, so the request side is complete when the kept part ends in response violations.
        const string TooMany = "Too many violations! ";
        bool truncated = json.StartsWith(TooMany, System.StringComparison.Ordinal);
        if (truncated)
        {
            json = json.Substring(TooMany.Length);
        }

        var list = new List<Violation>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return new[] { new Violation("request", "Error", "unreadable sl-violations header (not an array): " + Clip(json)) };
            }

            while (true)
            {
                if (!reader.Read())
                {
                    truncated = true;
                    break;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                if (!JsonDocument.TryParseValue(ref reader, out JsonDocument? item))
                {
                    truncated = true;
                    break;
                }

                using (item)
                {
                    list.AddRange(Parse(item.RootElement, defaultPrefix: null, single: true));
                }
            }
        }
        catch (JsonException)
        {
            truncated = true; // cut inside an entry's text
        }

        if (truncated)
        {
            bool requestSideComplete = list.Count > 0 && !list[^1].IsRequest;
            list.Add(requestSideComplete
                ? new Violation("response", "Warning", $"{CutShort} after {list.Count} entries (request side complete)")
                : new Violation("request", "Error", $"{CutShort} after {list.Count} entries, inside the request's: the rest is unknown ({Clip(json)})"));
        }

        return list;
    }

    private static string Clip(string text) => text.Length > 300 ? text.Substring(0, 300) + "..." : text;

    /// <summary>Parses the <c>validation</c> array of Prism's own <c>application/problem+json</c> 422 body.</summary>
    public static IReadOnlyList<Violation> ParseProblemBody(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("validation", out JsonElement validation)
                ? Parse(validation, defaultPrefix: "request")
                : System.Array.Empty<Violation>();
        }
        catch (JsonException ex)
        {
            return new[] { new Violation("request", "Error", "unreadable 422 body: " + ex.Message) };
        }
    }

    /// <summary>The <c>title</c> of Prism's <c>application/problem+json</c> body, if it has one.</summary>
    public static string? ProblemTitle(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("title", out JsonElement title)
                ? title.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<Violation> Parse(JsonElement array, string? defaultPrefix, bool single = false)
    {
        var list = new List<Violation>();
        if (single || array.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in single ? new[] { array } : array.EnumerateArray().ToArray())
            {
                var parts = new List<string>();
                if (item.TryGetProperty("location", out JsonElement location) && location.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement part in location.EnumerateArray())
                    {
                        parts.Add(part.ToString());
                    }
                }

                // A 422 body says ["body","purpose"]; the header says ["request","body","purpose"].
                if (defaultPrefix is not null && (parts.Count == 0 || (parts[0] != "request" && parts[0] != "response")))
                {
                    parts.Insert(0, defaultPrefix);
                }

                string severity = item.TryGetProperty("severity", out JsonElement s) ? s.ToString() : "Error";
                string message = item.TryGetProperty("message", out JsonElement m) ? m.ToString() : item.ToString();
                list.Add(new Violation(string.Join('.', parts), severity, message));
            }
        }

        return list;
    }
}
