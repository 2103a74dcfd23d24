using Azure.Core;
using Azure.Identity;
using Foundry.Training.Cli.Targets;
using Spectre.Console;

namespace Foundry.Training.Cli.Hosting;

/// <summary>
/// What one run of the tool talks to: its output streams, the environment, how it signs in and where its emulator comes
/// from. <see cref="ForProcess"/> gives the real ones; tests build their own to run commands in-process.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Columns for tables when standard output is not a terminal.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Human output (tables, progress, live views) on standard output.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard output as plain text, for <c>--output json</c> (never wrapped, never styled).</summary>
    public required TextWriter OutWriter { get; init; }

    /// <summary>Error lines and the SDK's log (<c>--verbose</c>), on standard error; safe to write from any thread.</summary>
    public required TextWriter ErrorWriter { get; init; }

    /// <summary>Reads an environment variable (<c>FOUNDRY_PROJECT_ENDPOINT</c>, <c>OPENAI_API_KEY</c>, ...).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The Entra ID credential for Foundry and for Azure OpenAI without a key.</summary>
    public Func<TokenCredential> CreateCredential { get; init; } = () => new DefaultAzureCredential();

    /// <summary>Starts (or lends) the emulator that <c>--emulator</c> runs against.</summary>
    public Func<CancellationToken, Task<DemoEmulator>> AcquireEmulator { get; init; } = cancellationToken => DemoEmulator.StartAsync(DemoEmulator.Interactive, cancellationToken);

    /// <summary>Whether the run disposes what <see cref="AcquireEmulator"/> returned (false when a test lends one emulator to many runs).</summary>
    public bool OwnsEmulator { get; init; } = true;

    /// <summary>The console of this process: Spectre.Console detects colours, width and whether output is a terminal.</summary>
    /// <remarks>Redirected output (a CI log, a file) gets wide tables rather than Spectre's default of 80 columns.</remarks>
    public static CliHost ForProcess()
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new CliHost { Out = console, OutWriter = Console.Out, ErrorWriter = TextWriter.Synchronized(Console.Error) };
    }
}
