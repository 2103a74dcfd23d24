using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.Conformance;

/// <summary>What one operation did in one mode: passed or not, and why.</summary>
internal sealed record OperationResult(
    string Service,
    string Mode,
    ConformanceOperation Operation,
    int Requests,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Notes,
    string Detail)
{
    public bool Passed => Failures.Count == 0;

    public string Direction => Mode == ServiceNames.Proxy ? ServiceNames.Response : ServiceNames.Request;
}

/// <summary>
/// Runs one operation through its async and its sync twin and judges it: every request must be the operation's route,
/// carry no violation Prism reports (request or response side) and pass the runner's own checks; an operation in the
/// spec must return a parsed result, one the spec lacks must surface Prism's 404/405 as a <see cref="RequestFailedException"/>.
/// Problems a <see cref="KnownDeviations"/> entry excuses become notes.
/// </summary>
internal static class OperationRunner
{
    /// <summary>The note of an operation the spec lacks that the SDK refused before any request.</summary>
    public const string RefusedNote = "not on this service: the SDK refused it before any request (NotSupportedException)";

    /// <summary>The title of Prism's 500 for a request or response with violations (--errors).</summary>
    private const string ViolationsTitle = "Request/Response not valid";

    public static async Task<OperationResult> RunAsync(string service, string mode, ConformanceOperation operation, OperationContext context, KnownDeviations deviations, TimeSpan timeout)
    {
        var problems = new List<(string Twin, string Text)>();
        var notes = new List<(string Twin, string Text)>();
        var details = new List<string>();
        int requests = 0;
        Regex? path = operation.PathPattern is null ? null : new Regex(operation.PathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        context.Recorder.Drain();

        foreach (bool async in operation.AsyncOnly ? new[] { true } : new[] { true, false })
        {
            string twin = async ? "async" : "sync";
            using var cts = new CancellationTokenSource(timeout);
            Exception? error = null;
            string? detail = null;
            try
            {
                detail = await operation.Body(context, async, cts.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any exception is a result to report.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
            }

            IReadOnlyList<Exchange> exchanges = context.Recorder.Drain();
            List<Exchange> toPrism = exchanges.Where(e => !e.External).ToList();
            requests += exchanges.Count;
            if (toPrism.Count == 0)
            {
                // An operation the SDK's table puts on another service only is refused before any request.
                if (operation.SpecOperation is null && error is NotSupportedException && exchanges.Count == 0)
                {
                    notes.Add((twin, RefusedNote));
                }
                else
                {
                    problems.Add((twin, "no request reached Prism" + (error is null ? string.Empty : ": " + Describe(error))));
                }

                continue;
            }

            foreach (Exchange exchange in exchanges.Where(e => e.External && !operation.AllowsExternal))
            {
                problems.Add((twin, $"unexpected request to another address: {exchange.Method} {exchange.Path}"));
            }

            foreach (Exchange exchange in toPrism)
            {
                bool expected = (operation.Method is null || exchange.Method == operation.Method) && (path is null || path.IsMatch(exchange.Path));
                if (!expected)
                {
                    problems.Add((twin, $"unexpected request {exchange.Method} {exchange.SentPath} (expected {operation.Method} {operation.PathPattern})"));
                }

                problems.AddRange(exchange.Problems.Select(p => (twin, p)));
                problems.AddRange(context.CheckQuery(exchange).Select(p => (twin, p)));

                // The operation's own checks (an upload's form) are for its own requests; any other is reported above.
                if (expected && operation.CheckRequest is not null)
                {
                    problems.AddRange(operation.CheckRequest(exchange).Select(p => (twin, "runner check: " + p)));
                }

                foreach (Violation violation in exchange.Violations)
                {
                    (violation.IsError ? problems : notes).Add((twin, "prism: " + violation));
                }
            }

            // With --errors, Prism answers 500 instead of a response that has violations; they are judged above, one by one.
            if (error is RequestFailedException { Status: 500 } && toPrism.Any(e => e.Status == 500 && e.ProblemTitle == ViolationsTitle))
            {
                notes.Add((twin, "Prism (--errors) answered 500 in place of a response with the violations above; the SDK saw no body"));
                error = null;
                detail = "(no body: Prism answered 500)";
            }

            if (operation.SpecOperation is not null)
            {
                if (error is not null)
                {
                    string? prism = toPrism.LastOrDefault(e => e.ProblemTitle is not null)?.ProblemTitle;
                    problems.Add((twin, Describe(error) + (prism is null ? string.Empty : " (Prism: " + prism + ")")));
                }
                else
                {
                    details.Add(detail ?? string.Empty);
                }
            }
            else if (error is RequestFailedException { Status: 404 or 405 } notFound && toPrism.All(e => e.Status is 404 or 405))
            {
                notes.Add((twin, $"not in this spec: Prism answered {notFound.Status}, surfaced as RequestFailedException"));
            }
            else
            {
                problems.Add((twin, error is null
                    ? "the spec has no such operation, yet the call succeeded: " + detail
                    : "the spec has no such operation; expected RequestFailedException 404/405, got " + Describe(error)));
            }
        }

        var failures = new List<string>();
        var excused = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach ((string text, string twins) in Merge(problems))
        {
            string? excuse = deviations.Excuse(service, operation.SpecOperation, mode, text);
            if (excuse is null)
            {
                failures.Add($"{twins}: {text}");
            }
            else if (excused.TryGetValue(excuse, out List<string>? texts))
            {
                texts.Add(text);
            }
            else
            {
                excused[excuse] = new List<string> { text };
            }
        }

        var allNotes = excused
            .Select(e => $"known deviation '{e.Key}' ({deviations.Describe(e.Key)}) excused {e.Value.Count} problem(s), first: {e.Value[0]}")
            .ToList();
        allNotes.AddRange(Merge(notes).Select(n => $"{n.Twins}: {n.Text}"));
        string summary = details.Distinct(StringComparer.Ordinal).Count() == 1 ? details[0] : string.Join(" | ", details);
        return new OperationResult(service, mode, operation, requests, failures, allNotes, summary);
    }

    /// <summary>One line per distinct text, naming the twins it came from.</summary>
    private static IEnumerable<(string Text, string Twins)> Merge(List<(string Twin, string Text)> items) =>
        items.GroupBy(i => i.Text, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join("+", g.Select(i => i.Twin).Distinct(StringComparer.Ordinal))));

    public static string Describe(Exception error)
    {
        string text = error switch
        {
            RequestFailedException rfe => $"{rfe.GetType().Name} status {rfe.Status}{(rfe.ErrorCode is null ? string.Empty : " " + rfe.ErrorCode)}: {FirstLine(rfe.Message)}",
            _ => $"{error.GetType().Name}: {FirstLine(error.Message)}",
        };
        return error.InnerException is { } inner ? $"{text} [inner {inner.GetType().Name}: {FirstLine(inner.Message)}]" : text;
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
