using System.CommandLine;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.FineTuning;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands;

/// <summary>
/// <c>upload FILE</c>: uploads a file to Azure OpenAI or OpenAI with a progress bar, through
/// <see cref="FineTuningFilesClient.UploadAsync(string, FilePurpose, IProgress{long}?, CancellationToken)"/>: streamed,
/// never held in memory. On the OpenAI platform a file over 512 MB goes through the Uploads API in parallel parts (the
/// SDK decides); the progress bar counts the bytes of all parts.
/// </summary>
internal static class UploadCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<string>("file") { Description = "The file to upload" };
        var purpose = new Option<string>("--purpose") { Description = "The file's purpose", HelpName = "purpose", DefaultValueFactory = _ => "fine-tune" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the service has processed the file (exit code 1 if it rejects it)" };
        var command = new Command("upload", "Upload a training file to Azure OpenAI or OpenAI, with progress; prints its file id.") { file, purpose, wait };
        runner.Bind(command, async context =>
        {
            string path = LocalFile.Require(context.ParseResult.GetValue(file)!);
            Connection connection = await context.ConnectAsync(ServiceFamily.FineTuning, "upload").ConfigureAwait(false);
            try
            {
                FineTuningFile uploaded = await UploadAsync(context, connection, path, context.ParseResult.GetValue(purpose)!, context.ParseResult.GetValue(wait)).ConfigureAwait(false);
                Write(context, uploaded);
                return ExitCodes.Success;
            }
            catch (FineTuningFileProcessingException ex)
            {
                Write(context, ex.File);
                context.Host.ErrorWriter.WriteLine(ErrorLine.For(ex));
                return ExitCodes.ProblemsFound;
            }
        });
        return command;
    }

    /// <summary>Uploads <paramref name="path"/> with progress and, if asked, waits until it is processed.</summary>
    /// <exception cref="FineTuningFileProcessingException">The service could not process the file.</exception>
    public static async Task<FineTuningFile> UploadAsync(CommandContext context, Connection connection, string path, FilePurpose purpose, bool wait)
    {
        FineTuningFilesClient files = connection.FineTuning.GetFilesClient();
        long size = new FileInfo(path).Length;
        FineTuningFile file = await ProgressBoard.RunAsync(context.Console, show: !context.Json, async board =>
        {
            ProgressBoard.ProgressItem item = board.Add("Uploading " + Path.GetFileName(path), size);
            FineTuningFile uploaded = (await files.UploadAsync(path, purpose, item, context.CancellationToken).ConfigureAwait(false)).Value;
            item.Complete(size);
            return uploaded;
        }).ConfigureAwait(false);

        if (wait)
        {
            file = (await files.WaitForProcessedAsync(file.Id, connection.PollingInterval, context.CancellationToken).ConfigureAwait(false)).Value;
        }

        return file;
    }

    private static void Write(CommandContext context, FineTuningFile file)
    {
        if (context.Json)
        {
            context.JsonOut.WriteModel(file);
            return;
        }

        context.Console.Write(new Markup($"Uploaded [bold]{Markup.Escape(Display.Safe(file.FileName))}[/] as [bold]{Markup.Escape(Display.Safe(file.Id))}[/] ({Markup.Escape(Display.Safe(file.Status?.ToString()))}, {Display.Bytes(file.Bytes)})" + Environment.NewLine));
    }
}
