using System.CommandLine;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Cli.Watching;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary><c>jobs watch NAME</c>: a live view of a job until it ends; Ctrl+C stops watching, not the job.</summary>
internal static class JobsWatchCommand
{
    public static Command Create(CommandRunner runner)
    {
        Argument<string> name = JobsCommand.NameArgument();
        Option<double?> interval = JobsCommand.IntervalOption();
        var command = new Command("watch", "Watch a job live until it ends: status, latest metrics, a loss sparkline. Exit code 0 when it succeeds, 1 when it fails or is canceled; Ctrl+C stops watching (130) and the job keeps running.")
        {
            name, interval,
        };
        runner.Bind(command, async context =>
        {
            Connection connection = await context.ConnectAsync(ServiceFamily.Any, "jobs watch").ConfigureAwait(false);
            return await JobWatch.RunAsync(context, connection, context.ParseResult.GetValue(name)!, JobsCommand.Interval(context.ParseResult, interval)).ConfigureAwait(false);
        });
        return command;
    }
}
