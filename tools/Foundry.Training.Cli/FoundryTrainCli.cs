using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Foundry.Training.Cli.Commands;
using Foundry.Training.Cli.Commands.Artifacts;
using Foundry.Training.Cli.Commands.Jobs;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli;

/// <summary>The <c>foundry-train</c> command tree, and one run of it.</summary>
internal static class FoundryTrainCli
{
    public const string Name = "foundry-train";

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line, without the tool's name.</param>
    /// <param name="host">Streams, environment, credentials and emulator.</param>
    /// <param name="cancellationToken">Ctrl+C: stops the command (exit code 130); a watched or created job keeps running.</param>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        Command root = Build(host);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                host.ErrorWriter.WriteLine(ErrorLine.For(error.Message));
            }

            string command = string.Join(' ', EnumerateCommandPath(parseResult.CommandResult.Command, root));
            host.ErrorWriter.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.OutWriter,
            Error = host.ErrorWriter,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // Ctrl+C is the host's: it cancels the token, and the command ends with 130
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command tree. Each command lives in its own file under Commands/.</summary>
    public static Command Build(CliHost host)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(host, options);
        var root = new Command(Name, "Train and fine-tune models on Azure AI Foundry, Azure OpenAI and the OpenAI platform, from the terminal and CI pipelines.")
        {
            new HelpOption(),
            new VersionOption { Action = new ToolVersionAction() },
        };
        foreach (Option option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ValidateCommand.Create(runner));
        root.Subcommands.Add(UploadCommand.Create(runner));
        root.Subcommands.Add(JobsCommand.Create(runner));
        root.Subcommands.Add(ArtifactsCommand.Create(runner));
        return root;
    }

    private static IEnumerable<string> EnumerateCommandPath(Command command, Command root)
    {
        var names = new Stack<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(current == root ? Name : current.Name);
        }

        return names;
    }
}
