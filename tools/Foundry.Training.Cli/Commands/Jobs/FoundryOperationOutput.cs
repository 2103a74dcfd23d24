using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>Foundry's long-running delete and cancel: started, then (unless <c>--no-wait</c>) waited for, then reported.</summary>
internal static class FoundryOperationOutput
{
    /// <param name="context">The command.</param>
    /// <param name="connection">A Foundry connection.</param>
    /// <param name="name">The job.</param>
    /// <param name="done">What the operation did, for people: <c>canceled</c>, <c>deleted</c>.</param>
    /// <param name="start">Starts the operation (<see cref="WaitUntil.Started"/>).</param>
    /// <param name="wait">Whether to wait for it to complete.</param>
    public static async Task<int> RunAsync(CommandContext context, Connection connection, string name, string done, Func<CancellationToken, Task<TrainingJobOperation>> start, bool wait)
    {
        TrainingJobOperation operation = await start(context.CancellationToken).ConfigureAwait(false);
        if (wait && !operation.HasCompleted)
        {
            _ = connection.PollingInterval is TimeSpan interval
                ? await operation.WaitForCompletionAsync(interval, context.CancellationToken).ConfigureAwait(false)
                : await operation.WaitForCompletionAsync(context.CancellationToken).ConfigureAwait(false);
        }

        if (operation.HasCompleted)
        {
            _ = operation.Value; // a failed operation throws its RequestFailedException here: exit code 3
        }

        if (context.Json)
        {
            context.JsonOut.Write(new JsonObject
            {
                ["name"] = name,
                ["operation_id"] = operation.Id,
                ["completed"] = operation.HasCompleted,
                ["operation"] = operation.HasValue ? JsonOutput.Model(operation.Value) : null,
            });
        }
        else if (operation.HasCompleted)
        {
            string status = operation.Value.Status.ToString();
            context.Console.WriteLine($"{Display.Safe(name)} {done} (operation {Display.Safe(status)}).");
        }
        else
        {
            context.Console.WriteLine($"Requested: {Display.Safe(name)} will be {done} (operation {Display.Safe(operation.Id)}). Check with: {FoundryTrainCli.Name} jobs show {Display.Safe(name)}");
        }

        return ExitCodes.Success;
    }
}
