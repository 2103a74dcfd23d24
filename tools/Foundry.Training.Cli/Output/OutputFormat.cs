namespace Foundry.Training.Cli.Output;

/// <summary><c>--output</c>: tables and progress for people, or JSON for scripts.</summary>
internal enum OutputFormat
{
    /// <summary>Tables, progress bars and live views (plain lines when standard output is not a terminal).</summary>
    Text,

    /// <summary>The services' own JSON (wire format) on standard output; one JSON object per line for streams.</summary>
    Json,
}
