using System.CommandLine;
using System.Text.Json.Nodes;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>
/// <c>jobs logs NAME [--attempt ID] [--follow]</c>: a Foundry job's log lines, each once; with <c>--follow</c> until the
/// job ends. Text output heads each run of lines with its file (<c>==&gt; attempt/path &lt;==</c>, as <c>tail</c> does);
/// JSON output is one line per log line. Ctrl+C stops reading (130), never the job.
/// </summary>
internal static class JobsLogsCommand
{
    public static Command Create(CommandRunner runner)
    {
        Argument<string> name = JobsCommand.NameArgument();
        var attempt = new Option<string?>("--attempt") { Description = "The attempt to read (default: the latest, then each newer one)", HelpName = "id" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading new lines until the job ends" };
        Option<double?> interval = JobsCommand.IntervalOption();
        var command = new Command("logs", "Print a Foundry job's logs (user_logs/, system_logs/, logs/); --follow keeps reading until the job ends. Ctrl+C stops reading (130); the job keeps running.")
        {
            name, attempt, follow, interval,
        };
        runner.Bind(command, async context =>
        {
            Connection connection = await context.ConnectAsync(ServiceFamily.Foundry, "jobs logs").ConfigureAwait(false);
            CancellationToken cancellationToken = context.CancellationToken;
            ParseResult parsed = context.ParseResult;
            string? lastFile = null;
            try
            {
                IAsyncEnumerable<TrainingLogLine> lines = connection.TrainingJobs.StreamLogsAsync(
                    parsed.GetValue(name)!, parsed.GetValue(attempt), parsed.GetValue(follow), null, JobsCommand.Interval(parsed, interval), cancellationToken);
                await foreach (TrainingLogLine line in lines.ConfigureAwait(false))
                {
                    if (context.Json)
                    {
                        context.JsonOut.WriteLine(new JsonObject
                        {
                            ["attempt_id"] = line.AttemptId,
                            ["path"] = line.Path,
                            ["offset"] = line.Offset,
                            ["text"] = line.Text,
                            ["continues"] = line.ContinuesOnNextLine,
                        });
                        continue;
                    }

                    string file = line.AttemptId + "/" + line.Path;
                    if (file != lastFile)
                    {
                        context.Console.Write(new Text($"==> {Display.Safe(file)} <=={Environment.NewLine}", new Style(Color.Grey)));
                        lastFile = file;
                    }

                    context.Console.Write(new Text(Display.Safe(line.Text) + (line.ContinuesOnNextLine ? string.Empty : Environment.NewLine)));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Note("Stopped reading the logs; the job keeps running.");
                return ExitCodes.Canceled;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
