using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace Foundry.Training.Conformance;

/// <summary>Reads a spec's operation ids by path with a line scan (the specs' own YAML layout), to report coverage.</summary>
internal static partial class SpecOperations
{
    /// <summary>Operation ids of the paths that start with any of <paramref name="pathPrefixes"/>, in spec order.</summary>
    public static IReadOnlyList<(string Path, string OperationId)> Read(string specPath, params string[] pathPrefixes)
    {
        var operations = new List<(string, string)>();
        string? currentPath = null;
        bool inPaths = false;
        foreach (string line in File.ReadLines(specPath))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inPaths = line.StartsWith("paths:", StringComparison.Ordinal);
                continue;
            }

            if (!inPaths)
            {
                continue;
            }

            Match path = PathLine().Match(line);
            if (path.Success)
            {
                currentPath = path.Groups[1].Value;
                continue;
            }

            Match id = OperationIdLine().Match(line);
            if (id.Success && currentPath is not null && Array.Exists(pathPrefixes, p => currentPath.StartsWith(p, StringComparison.Ordinal)))
            {
                operations.Add((currentPath, id.Groups[1].Value));
            }
        }

        return operations;
    }

    [GeneratedRegex("^  (/[^:]*):\\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex("^\\s+operationId:\\s*([A-Za-z0-9_.-]+)\\s*$")]
    private static partial Regex OperationIdLine();
}
