using System.CommandLine;
using Foundry.Training.Cli.Hosting;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary><c>jobs</c>: the group of job commands, one file each.</summary>
internal static class JobsCommand
{
    public static Command Create(CommandRunner runner) => new("jobs", "Create, list, show, watch, cancel and delete Foundry training jobs and fine-tuning jobs; print a Foundry job's logs.")
    {
        JobsCreateCommand.Create(runner),
        JobsListCommand.Create(runner),
        JobsShowCommand.Create(runner),
        JobsWatchCommand.Create(runner),
        JobsCancelCommand.Create(runner),
        JobsDeleteCommand.Create(runner),
        JobsLogsCommand.Create(runner),
    };

    /// <summary>The job argument every job command takes: a Foundry job name or a fine-tuning job id.</summary>
    public static Argument<string> NameArgument() => new("name") { Description = "The Foundry job name or the fine-tuning job id (ftjob-...)" };

    /// <summary><c>--interval</c>: how often to poll, in seconds.</summary>
    public static Option<double?> IntervalOption() => OptionValues.Number("--interval", 0, 3600, exclusiveMinimum: true,
        "Seconds between polls (default: the service's hint or 10 s; one emulator step with --emulator)", "seconds");

    public static TimeSpan? Interval(ParseResult parseResult, Option<double?> option) =>
        parseResult.GetValue(option) is double seconds ? TimeSpan.FromSeconds(seconds) : null;
}
