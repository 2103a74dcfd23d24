using System.Text.Json.Nodes;

namespace Foundry.Training.Cli.Tests;

/// <summary>What one run of the tool left: its exit code, standard output and standard error.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output as one JSON document (<c>--output json</c>).</summary>
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("The output is the JSON literal null.");

    /// <summary>Standard output as JSON Lines (<c>jobs watch --output json</c>).</summary>
    public IReadOnlyList<JsonObject> JsonLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Out}--- stderr ---{Environment.NewLine}{Error}";
}
