using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Foundry.Training.Conformance;

/// <summary>
/// The operation × direction × result table of a run, in Markdown (docs/conformance.md keeps the last one): a row per
/// SDK operation or flow, then a row per spec operation that no SDK member drives.
/// </summary>
internal static class ResultTable
{
    public static string Markdown(ConformanceSettings settings, IReadOnlyList<OperationResult> results, IReadOnlyDictionary<string, IReadOnlyList<(string Path, string OperationId)>> specOperations)
    {
        var modes = settings.Directions.SelectMany(d => d == ServiceNames.Request ? settings.Modes.Select(m => (Direction: d, Mode: m)) : new[] { (Direction: d, Mode: ServiceNames.Proxy) }).ToList();
        var text = new StringBuilder();
        foreach (string service in settings.Services)
        {
            text.AppendLine()
                .Append("| ").Append(service).Append(" operation | spec operation | ")
                .AppendJoin(" | ", modes.Select(m => m.Direction == ServiceNames.Request ? $"request ({m.Mode})" : "response (proxy)"))
                .AppendLine(" |")
                .Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---|", modes.Count))).AppendLine();
            foreach (IGrouping<string, OperationResult> operation in results.Where(r => r.Service == service).GroupBy(r => r.Operation.Name, StringComparer.Ordinal))
            {
                ConformanceOperation first = operation.First().Operation;
                text.Append("| ").Append(first.Name.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(first.SpecOperation is null ? "— (not in spec)" : "`" + first.SpecOperation + "`").Append(" | ");
                text.AppendJoin(" | ", modes.Select(m => Cell(first, operation.Where(r => r.Mode == m.Mode).ToList(), m.Direction)));
                text.AppendLine(" |");
            }

            var driven = results.Where(r => r.Service == service).Select(r => r.Operation.SpecOperation).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach ((string path, string operationId) in specOperations.TryGetValue(service, out var inSpec) ? inSpec : Array.Empty<(string, string)>())
            {
                if (!driven.Contains(operationId))
                {
                    text.Append("| — (no SDK member yet) | `").Append(operationId).Append("` (`").Append(path).Append("`) | ")
                        .AppendJoin(" | ", modes.Select(_ => "not driven"))
                        .AppendLine(" |");
                }
            }
        }

        return text.ToString();
    }

    private static string Cell(ConformanceOperation operation, List<OperationResult> runs, string direction)
    {
        if (runs.Count == 0)
        {
            return operation.Directions.Contains(direction) ? "not run" : "— " + operation.OneDirectionReason;
        }

        if (runs.Any(r => !r.Passed))
        {
            return "**fail**";
        }

        var excused = runs.SelectMany(r => r.Notes)
            .Select(n => Regex.Match(n, "^known deviation '([^']+)'", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success)
            .Select(m => "`" + m.Groups[1].Value + "`")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string result = operation.SpecOperation is null
            ? (runs.Any(r => r.Notes.Any(n => n.EndsWith(OperationRunner.RefusedNote, StringComparison.Ordinal))) ? "pass (refused)" : "pass (404/405)")
            : "pass";
        return excused.Count == 0 ? result : result + ", excused: " + string.Join(", ", excused);
    }
}
