using Foundry.Training.Cli.Hosting;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>
/// <c>--training-file</c> / <c>--validation-file</c>: a file id, or a local file to upload. A value that names an
/// existing file, or looks like a path (a folder separator, a <c>.jsonl</c> or <c>.json</c> ending), is a local file and
/// must exist; anything else is an id.
/// </summary>
internal sealed record TrainingFileArgument(string Value, bool IsLocal)
{
    public static TrainingFileArgument? From(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        bool looksLikePath = File.Exists(value) || value.Contains('/', StringComparison.Ordinal) || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || value.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return looksLikePath ? new TrainingFileArgument(LocalFile.Require(value, option), IsLocal: true) : new TrainingFileArgument(value, IsLocal: false);
    }
}
