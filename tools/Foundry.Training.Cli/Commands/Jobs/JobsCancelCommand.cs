using System.CommandLine;
using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.FineTuning;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>
/// <c>jobs cancel NAME [--no-wait]</c>: Foundry cancels are long-running operations, waited for unless <c>--no-wait</c>;
/// a fine-tuning cancel answers at once with the job.
/// </summary>
internal static class JobsCancelCommand
{
    public static Command Create(CommandRunner runner)
    {
        Argument<string> name = JobsCommand.NameArgument();
        var noWait = new Option<bool>("--no-wait") { Description = "Foundry: return once the service has accepted the cancel, without waiting for it to complete" };
        var command = new Command("cancel", "Cancel a job (Foundry: waits for the long-running operation unless --no-wait).") { name, noWait };
        runner.Bind(command, async context =>
        {
            string job = context.ParseResult.GetValue(name)!;
            Connection connection = await context.ConnectAsync(ServiceFamily.Any, "jobs cancel").ConfigureAwait(false);
            if (connection.Kind == ServiceKind.Foundry)
            {
                return await FoundryOperationOutput.RunAsync(context, connection, job, "canceled",
                    cancellationToken => connection.TrainingJobs.CancelAsync(WaitUntil.Started, job, cancellationToken), wait: !context.ParseResult.GetValue(noWait)).ConfigureAwait(false);
            }

            FineTuningJob canceled = (await connection.FineTuning.CancelJobAsync(job, context.CancellationToken).ConfigureAwait(false)).Value;
            if (context.Json)
            {
                context.JsonOut.WriteModel(canceled);
            }
            else
            {
                context.Console.WriteLine($"{Display.Safe(canceled.Id)} {Display.Safe(canceled.Status?.ToString() ?? "cancel requested")}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
