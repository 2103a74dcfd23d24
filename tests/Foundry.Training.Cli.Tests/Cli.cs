using Azure.Core;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Targets;
using Spectre.Console;

namespace Foundry.Training.Cli.Tests;

/// <summary>
/// Runs <c>foundry-train</c> in-process, as <c>Program.cs</c> does, with captured output, an environment of the test's
/// own (the machine's variables never leak in), and a lent emulator for <c>--emulator</c>.
/// </summary>
internal sealed class Cli(DemoEmulator emulator)
{
    /// <summary>Emulator speed for tests: a created job ends in under half a second.</summary>
    public static readonly DemoEmulatorSettings Fast = new(TimeSpan.FromMilliseconds(25), TrainingSteps: 8);

    public DemoEmulator Emulator { get; } = emulator;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The credential <c>--project-endpoint</c> and Azure OpenAI without a key sign in with.</summary>
    public TokenCredential Credential { get; set; } = emulator.Emulator.Credential;

    /// <summary>A terminal rather than a log: live views and progress bars.</summary>
    public bool Interactive { get; set; }

    /// <summary>Called with all standard output so far whenever the tool writes to it (to react to what it printed).</summary>
    public Action<string>? OnOutput { get; set; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var output = new ObservedWriter(OnOutput);
        var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = CliHost.RedirectedWidth;
        var host = new CliHost
        {
            Out = console,
            OutWriter = output,
            ErrorWriter = TextWriter.Synchronized(error),
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            CreateCredential = () => Credential,
            AcquireEmulator = _ => Task.FromResult(Emulator),
            OwnsEmulator = false,
        };
        int exitCode = await FoundryTrainCli.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A sample file shipped with the repository (samples/cli), copied next to the tests.</summary>
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    /// <summary>Standard output that tells <see cref="OnOutput"/> what it holds after every write.</summary>
    private sealed class ObservedWriter(Action<string>? observer) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            observer?.Invoke(ToString());
        }

        public override void Write(string? value)
        {
            base.Write(value);
            observer?.Invoke(ToString());
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            observer?.Invoke(ToString());
        }
    }
}
