using System.CommandLine;
using System.Text.Json.Nodes;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.JobFiles;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Cli.Watching;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary>
/// <c>jobs create -f job.json|job.yaml</c>: reads the request body from a file (see <see cref="JobDocument"/>), checks it
/// client-side (every problem with its JSON path, exit code 1), then submits it to a service of its kind and, with
/// <c>--watch</c>, watches it.
/// </summary>
internal static class JobsCreateCommand
{
    private const string ComputeVariable = "FOUNDRY_COMPUTE_ID";

    public static Command Create(CommandRunner runner)
    {
        var file = new Option<string>("--file", "-f") { Description = "The job: the service's request body as JSON, or as YAML (.yaml, .yml)", HelpName = "job.json|job.yaml", Required = true };
        var name = new Option<string?>("--name") { Description = "Foundry: the job's name (wins over the file's \"name\"; made up when neither gives one)", HelpName = "name" };
        var compute = new Option<string?>("--compute") { Description = $"Foundry: the compute for a file without \"compute_id\" (env {ComputeVariable})", HelpName = "id" };
        var trainingFile = new Option<string?>("--training-file") { Description = "Fine-tuning: a file id, or a local JSONL file to validate and upload first (wins over the file's \"training_file\")", HelpName = "id|path" };
        var validationFile = new Option<string?>("--validation-file") { Description = "Fine-tuning: likewise for \"validation_file\"", HelpName = "id|path" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only check the file (no service needed); prints the request that would be sent with --output json" };
        var watch = new Option<bool>("--watch") { Description = "Watch the job until it ends, as 'jobs watch' does (exit code 1 if it fails)" };
        Option<double?> interval = JobsCommand.IntervalOption();
        var command = new Command("create", "Submit a Foundry training job or a fine-tuning job from a JSON or YAML file, checked client-side first (exit code 1 lists every problem with its JSON path).")
        {
            file, name, compute, trainingFile, validationFile, dryRun, watch, interval,
        };
        runner.Bind(command, context =>
        {
            ParseResult parsed = context.ParseResult;
            var request = new CreateRequest(parsed.GetValue(file)!, parsed.GetValue(name), parsed.GetValue(compute), parsed.GetValue(trainingFile), parsed.GetValue(validationFile),
                parsed.GetValue(dryRun), parsed.GetValue(watch), JobsCommand.Interval(parsed, interval));
            return RunAsync(context, request);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, CreateRequest request)
    {
        string path = LocalFile.Require(request.File, "Job file");
        try
        {
            JobDocument document = JobDocument.Read(path);
            return document.Kind == JobDocumentKind.Foundry
                ? await CreateFoundryJobAsync(context, request, document).ConfigureAwait(false)
                : await CreateFineTuningJobAsync(context, request, document).ConfigureAwait(false);
        }
        catch (JobDocumentException ex)
        {
            WriteProblems(context, request.File, ex.Problems);
            return ExitCodes.ProblemsFound;
        }
    }

    private static async Task<int> CreateFoundryJobAsync(CommandContext context, CreateRequest request, JobDocument document)
    {
        if (request.TrainingFile is not null || request.ValidationFile is not null)
        {
            throw new UsageException("--training-file and --validation-file are for fine-tuning jobs; this file is a Foundry job.");
        }

        string? compute = request.Compute ?? (context.Host.GetEnvironmentVariable(ComputeVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        FoundryJobRequest job = FoundryJobRequest.Read(document, request.Name, compute, DateTimeOffset.UtcNow);
        if (request.DryRun)
        {
            WriteValid(context, request.File, "foundry", $"job '{job.Name}'", new JsonObject { ["name"] = job.Name, ["properties"] = JsonOutput.Model(job.Properties) });
            return ExitCodes.Success;
        }

        Connection connection = await context.ConnectAsync(ServiceFamily.Foundry, "this Foundry job file").ConfigureAwait(false);
        TrainingJob created = (await connection.TrainingJobs.CreateAsync(job.Name, job.Properties, context.CancellationToken).ConfigureAwait(false)).Value;
        WriteCreated(context, connection, created.Name, JobViews.StatusOf(created), JsonOutput.Model(created), request.Watch);
        return request.Watch ? await JobWatch.RunAsync(context, connection, created.Name, request.Interval).ConfigureAwait(false) : ExitCodes.Success;
    }

    private static async Task<int> CreateFineTuningJobAsync(CommandContext context, CreateRequest request, JobDocument document)
    {
        if (request.Name is not null || request.Compute is not null)
        {
            throw new UsageException("--name and --compute are for Foundry jobs; this file is a fine-tuning job (the service names it).");
        }

        TrainingFileArgument? training = TrainingFileArgument.From(request.TrainingFile, "--training-file");
        TrainingFileArgument? validation = TrainingFileArgument.From(request.ValidationFile, "--validation-file");

        // The target decides which rules apply (Azure OpenAI's are stricter); a dry run needs none, but --service counts.
        Target? target = request.DryRun ? TryResolveTarget(context) : context.ResolveTarget(ServiceFamily.FineTuning, "this fine-tuning job file");
        bool azureOpenAI = (target?.Kind ?? context.RequestedService) == ServiceKind.AzureOpenAI;

        // Local files are checked before anything is sent; their local path stands in for the id until they are uploaded.
        foreach (TrainingFileArgument local in new[] { training, validation }.OfType<TrainingFileArgument>().Where(f => f.IsLocal))
        {
            TrainingFileValidationResult result = await new TrainingFileValidator().ValidateAsync(local.Value, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                if (context.Json)
                {
                    context.JsonOut.Write(TrainingFileReport.ValidationJson(local.Value, result));
                }
                else
                {
                    TrainingFileReport.WriteValidation(context.Console, Path.GetFileName(local.Value), result);
                }

                return ExitCodes.ProblemsFound;
            }
        }

        FineTuningJobCreateOptions options = FineTuningJobRequest.Read(document, training?.Value, validation?.Value, azureOpenAI);
        if (request.DryRun)
        {
            WriteValid(context, request.File, "fine-tuning", $"job for {options.Model}", JsonOutput.Model(options));
            return ExitCodes.Success;
        }

        Connection connection = await context.ConnectAsync(target!).ConfigureAwait(false);
        if (training is { IsLocal: true })
        {
            options.TrainingFile = (await UploadCommand.UploadAsync(context, connection, training.Value, FilePurpose.FineTune, wait: true).ConfigureAwait(false)).Id;
        }

        if (validation is { IsLocal: true })
        {
            options.ValidationFile = (await UploadCommand.UploadAsync(context, connection, validation.Value, FilePurpose.FineTune, wait: true).ConfigureAwait(false)).Id;
        }

        FineTuningJob created = (await connection.FineTuning.CreateJobAsync(options, context.CancellationToken).ConfigureAwait(false)).Value;
        WriteCreated(context, connection, created.Id, created.Status?.ToString(), JsonOutput.Model(created), request.Watch);
        return request.Watch ? await JobWatch.RunAsync(context, connection, created.Id, request.Interval).ConfigureAwait(false) : ExitCodes.Success;
    }

    private static Target? TryResolveTarget(CommandContext context)
    {
        try
        {
            return context.ResolveTarget(ServiceFamily.FineTuning, "this fine-tuning job file");
        }
        catch (UsageException)
        {
            return null; // no service configured: checked with the OpenAI platform's rules
        }
    }

    private static void WriteProblems(CommandContext context, string file, IReadOnlyList<ValidationProblem> problems)
    {
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (ValidationProblem problem in problems)
            {
                list.Add(new JsonObject { ["path"] = problem.Path, ["message"] = problem.Message });
            }

            context.JsonOut.Write(new JsonObject { ["file"] = file, ["valid"] = false, ["problems"] = list });
            return;
        }

        context.Console.Write(new Text($"{Display.Safe(file)}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}" + Environment.NewLine, new Style(Color.Red)));
        foreach (ValidationProblem problem in problems)
        {
            context.Console.Write(new Text($"  {Display.Safe(problem.Path)}: {Display.Safe(problem.Message)}" + Environment.NewLine));
        }
    }

    private static void WriteValid(CommandContext context, string file, string kind, string what, JsonNode request)
    {
        if (context.Json)
        {
            context.JsonOut.Write(new JsonObject { ["file"] = file, ["kind"] = kind, ["valid"] = true, ["problems"] = new JsonArray(), ["request"] = request });
            return;
        }

        context.Console.WriteLine($"{Display.Safe(file)}: a valid {kind} {Display.Safe(what)}; nothing was sent (--dry-run).");
    }

    private static void WriteCreated(CommandContext context, Connection connection, string id, string? status, JsonNode job, bool watch)
    {
        if (context.Json)
        {
            // Followed by the watch's JSON Lines: one object per line from the start.
            if (watch)
            {
                context.JsonOut.WriteLine(new JsonObject { ["type"] = "created", ["job"] = job });
            }
            else
            {
                context.JsonOut.Write(job);
            }

            return;
        }

        context.Console.Write(new Markup($"Created [bold]{Markup.Escape(Display.Safe(id))}[/] ({Markup.Escape(Display.Safe(status ?? "unknown"))}) on {Markup.Escape(connection.Target.ToString())}" + Environment.NewLine));
        if (!watch)
        {
            context.Note(connection.Target.IsEmulator
                ? "The embedded emulator, and this job, end with this command: add --watch to follow the job."
                : $"Watch it with: {FoundryTrainCli.Name} jobs watch {Display.Safe(id)}");
        }
    }

    private sealed record CreateRequest(string File, string? Name, string? Compute, string? TrainingFile, string? ValidationFile, bool DryRun, bool Watch, TimeSpan? Interval);
}
