using System.CommandLine;
using System.Diagnostics.Tracing;
using Azure;
using Azure.Core.Diagnostics;
using Azure.Identity;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Hosting;

/// <summary>Runs a command's body and turns every way it can end into an exit code and, for failures, one line on standard error.</summary>
internal sealed class CommandRunner(CliHost host, GlobalOptions options)
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, run through <see cref="RunAsync"/>.</summary>
    public void Bind(Command command, Func<CommandContext, Task<int>> body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));

    public async Task<int> RunAsync(ParseResult parseResult, Func<CommandContext, Task<int>> body, CancellationToken cancellationToken)
    {
        await using var context = new CommandContext(host, options, parseResult, cancellationToken);
        using AzureEventSourceListener? log = context.Verbose
            ? new AzureEventSourceListener((e, message) => host.ErrorWriter.WriteLine($"[{e.EventSource.Name}] {Display.SafeLines(message)}"), EventLevel.Verbose)
            : null;
        try
        {
            return await body(context).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return Fail(ExitCodes.Usage, ErrorLine.For(ex.Message), ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Canceled, "Canceled.", ex);
        }
        catch (RequestFailedException ex)
        {
            return Fail(ExitCodes.ServiceError, ErrorLine.For(ex), ex);
        }
        catch (AuthenticationFailedException ex)
        {
            return Fail(ExitCodes.ServiceError, ErrorLine.For("Sign-in failed: " + ex.Message), ex);
        }
        catch (ArgumentException ex)
        {
            // The SDK's argument checks (a job name that cannot be a path segment, ...) are about what the user typed.
            string message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            return Fail(ExitCodes.Usage, ErrorLine.For(message), ex);
        }
#pragma warning disable CA1031 // Whatever else fails ends as one line and a documented exit code, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string hint = context.Verbose ? string.Empty : " (--verbose shows the details)";
            return Fail(ExitCodes.ServiceError, ErrorLine.For($"{ex.GetType().Name}: {ErrorLine.FirstLine(ex.Message)}{hint}"), ex);
        }

        int Fail(int exitCode, string line, Exception exception)
        {
            host.ErrorWriter.WriteLine(line);
            if (context.Verbose)
            {
                host.ErrorWriter.WriteLine(Display.SafeLines(exception.ToString())); // its message holds the service's words
            }

            return exitCode;
        }
    }
}
