using System.CommandLine;
using System.Text.Json.Nodes;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Artifacts;

/// <summary>
/// <c>artifacts download NAME [--attempt] [--prefix] -o DIR</c>: through the SDK's
/// <see cref="TrainingJobsClient.DownloadArtifactsAsync"/>, which checks every path before writing a byte (nothing lands
/// outside DIR or through a link), writes each file under a temporary name and streams it to disk.
/// </summary>
internal static class ArtifactsDownloadCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = new Argument<string>("name") { Description = "The Foundry job name" };
        var attempt = new Option<string>("--attempt") { Description = "The attempt to download from", HelpName = "id", DefaultValueFactory = _ => TrainingJobsClient.LatestAttempt };
        var prefix = new Option<string?>("--prefix") { Description = "Only artifacts under this path, for example outputs/ or checkpoints/checkpoint-5/", HelpName = "path" };
        var directory = new Option<string>("--output-dir", "-o") { Description = "The folder to write into (created if missing)", HelpName = "dir", Required = true };
        var command = new Command("download", "Download a Foundry job's artifacts into a folder, with progress per file and overall.") { name, attempt, prefix, directory };
        runner.Bind(command, async context =>
        {
            ParseResult parsed = context.ParseResult;
            string job = parsed.GetValue(name)!;
            string destination = Path.GetFullPath(parsed.GetValue(directory)!);
            if (File.Exists(destination))
            {
                throw new UsageException($"'{parsed.GetValue(directory)}' is a file; -o names the folder to download into.");
            }

            Connection connection = await context.ConnectAsync(ServiceFamily.Foundry, "artifacts download").ConfigureAwait(false);
            IReadOnlyList<DownloadedArtifact> files = await ProgressBoard.RunAsync(context.Console, show: !context.Json, async board =>
            {
                var progress = new DownloadProgress(board);
                IReadOnlyList<DownloadedArtifact> downloaded = await connection.TrainingJobs.DownloadArtifactsAsync(
                    job, parsed.GetValue(attempt)!, destination, parsed.GetValue(prefix), progress, context.CancellationToken).ConfigureAwait(false);
                progress.Complete(downloaded);
                return downloaded;
            }).ConfigureAwait(false);
            Write(context, job, destination, files);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CommandContext context, string job, string destination, IReadOnlyList<DownloadedArtifact> files)
    {
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (DownloadedArtifact file in files)
            {
                list.Add(new JsonObject { ["artifact_path"] = file.ArtifactPath, ["local_path"] = file.LocalPath, ["length"] = file.Length });
            }

            context.JsonOut.Write(new JsonObject { ["job"] = job, ["directory"] = destination, ["files"] = list });
            return;
        }

        long total = files.Sum(f => f.Length);
        context.Console.Write(new Text($"Downloaded {files.Count} file{(files.Count == 1 ? "" : "s")} ({Display.Bytes(total)}) of {Display.Safe(job)} to {destination}" + Environment.NewLine));
        if (files.Count == 0)
        {
            context.Note("No artifact matched: check the job's status, --attempt and --prefix.");
        }
    }

    /// <summary>
    /// Turns the SDK's reports into a line per file (bytes so far) and one for the whole download (files done). The SDK
    /// reports from several threads (files download in parallel); a report does not say whether it is the one that
    /// completed its file, so each file's line is completed from the result.
    /// </summary>
    private sealed class DownloadProgress(ProgressBoard board) : IProgress<ArtifactDownloadProgress>
    {
        private readonly Dictionary<string, ProgressBoard.ProgressItem> _files = new(StringComparer.Ordinal);
        private readonly object _lock = new();
        private ProgressBoard.ProgressItem? _overall;
        private int _completed;

        public void Report(ArtifactDownloadProgress value)
        {
            lock (_lock)
            {
                _overall ??= board.Add("All files", value.TotalFiles, ProgressUnit.Files);
                File(value.ArtifactPath).Report(value.ArtifactBytes);
                if (value.CompletedFiles > _completed)
                {
                    _completed = value.CompletedFiles;
                    _overall.Report(value.CompletedFiles);
                }
            }
        }

        public void Complete(IReadOnlyList<DownloadedArtifact> files)
        {
            lock (_lock)
            {
                foreach (DownloadedArtifact file in files)
                {
                    File(file.ArtifactPath).Complete(file.Length);
                }

                _overall?.Complete(files.Count);
            }
        }

        private ProgressBoard.ProgressItem File(string path)
        {
            if (!_files.TryGetValue(path, out ProgressBoard.ProgressItem? item))
            {
                item = board.Add(path, total: null);
                _files[path] = item;
            }

            return item;
        }
    }
}
