using System.CommandLine;
using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>
/// <c>jobs delete NAME [--no-wait]</c>: Foundry deletes are long-running operations, waited for unless
/// <c>--no-wait</c>; Azure OpenAI deletes at once; the OpenAI platform does not delete fine-tuning jobs.
/// </summary>
internal static class JobsDeleteCommand
{
    public static Command Create(CommandRunner runner)
    {
        Argument<string> name = JobsCommand.NameArgument();
        var noWait = new Option<bool>("--no-wait") { Description = "Foundry: return once the service has accepted the delete, without waiting for it to complete" };
        var command = new Command("delete", "Delete a job (Foundry: waits for the long-running operation unless --no-wait; Azure OpenAI: at once).") { name, noWait };
        runner.Bind(command, async context =>
        {
            string job = context.ParseResult.GetValue(name)!;
            Connection connection = await context.ConnectAsync(ServiceFamily.Any, "jobs delete").ConfigureAwait(false);
            switch (connection.Kind)
            {
                case ServiceKind.Foundry:
                    return await FoundryOperationOutput.RunAsync(context, connection, job, "deleted",
                        cancellationToken => connection.TrainingJobs.DeleteAsync(WaitUntil.Started, job, cancellationToken), wait: !context.ParseResult.GetValue(noWait)).ConfigureAwait(false);
                case ServiceKind.OpenAI:
                    throw new UsageException("The OpenAI platform does not delete fine-tuning jobs (Azure OpenAI and Foundry do); cancel it with 'jobs cancel'.");
            }

            await connection.FineTuning.DeleteJobAsync(job, context.CancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.JsonOut.Write(new JsonObject { ["id"] = job, ["deleted"] = true });
            }
            else
            {
                context.Console.WriteLine($"{Display.Safe(job)} deleted.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
