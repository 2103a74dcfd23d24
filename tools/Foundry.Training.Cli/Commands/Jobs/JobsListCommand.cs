using System.CommandLine;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary><c>jobs list</c>: the newest jobs first, as a table or a JSON array written as pages arrive.</summary>
internal static class JobsListCommand
{
    private const int DefaultTop = 50;

    public static Command Create(CommandRunner runner)
    {
        Option<int?> top = OptionValues.Integer("--top", 1, "How many jobs to list, newest first (default 50)");
        var all = new Option<bool>("--all") { Description = "List every job (pages are read as they are written)" };
        var tag = new Option<string?>("--tag") { Description = "Foundry: only jobs with this tag (name or name=value)", HelpName = "tag" };
        var command = new Command("list", "List jobs, newest first.") { top, all, tag };
        runner.Bind(command, async context =>
        {
            Connection connection = await context.ConnectAsync(ServiceFamily.Any, "jobs list").ConfigureAwait(false);
            int? limit = context.ParseResult.GetValue(all) ? null : context.ParseResult.GetValue(top) ?? DefaultTop;
            string? tagFilter = context.ParseResult.GetValue(tag);
            CancellationToken cancellationToken = context.CancellationToken;
            if (connection.Kind == ServiceKind.Foundry)
            {
                var options = new TrainingJobListOptions { Order = ListSortOrder.Descending, Tag = tagFilter };
                await WriteAsync(context, connection, connection.TrainingJobs.GetJobsAsync(options, cancellationToken), limit, JsonOutput.Model, JobViews.FoundryTable).ConfigureAwait(false);
            }
            else
            {
                if (tagFilter is not null)
                {
                    throw new UsageException("--tag filters Foundry jobs; fine-tuning jobs have no tags.");
                }

                await WriteAsync(context, connection, connection.FineTuning.GetJobsAsync(cancellationToken: cancellationToken), limit, JsonOutput.Model, JobViews.FineTuningTable).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync<T>(CommandContext context, Connection connection, IAsyncEnumerable<T> jobs, int? limit,
        Func<T, System.Text.Json.Nodes.JsonNode> toJson, Func<IEnumerable<T>, string, Spectre.Console.Table> toTable)
    {
        if (context.Json)
        {
            await context.JsonOut.WriteArrayAsync(limit is int n ? jobs.Take(n) : jobs, toJson, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        // One more than asked for tells whether there are more.
        List<T> list = await (limit is int max ? jobs.Take(max + 1) : jobs).ToListAsync(context.CancellationToken).ConfigureAwait(false);
        bool more = limit is int shown && list.Count > shown;
        if (more)
        {
            list.RemoveAt(list.Count - 1);
        }

        context.Console.Write(toTable(list, $"{list.Count} job{(list.Count == 1 ? "" : "s")} on {connection.Target}"));
        if (more)
        {
            context.Note($"Showing the newest {list.Count}; pass --top N or --all for more.");
        }
    }
}
