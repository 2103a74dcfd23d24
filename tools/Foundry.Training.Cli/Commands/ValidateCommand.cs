using System.CommandLine;
using System.Text.Json.Nodes;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.FineTuning;
using Foundry.Training.Tokenization;

namespace Foundry.Training.Cli.Commands;

/// <summary>
/// <c>validate FILE [--model M]</c>: checks a JSONL training file offline (structure, line by line) and counts its
/// tokens as the model's tokenizer does: distribution, examples over the limit, epochs and billed tokens.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<string>("file") { Description = "The JSONL training file" };
        var model = new Option<string?>("--model") { Description = "The base model, for its tokenizer and token limit (gpt-4.1-mini-2025-04-14, gpt-35-turbo-0125, ft:...)", HelpName = "model" };
        var encoding = new Option<string?>("--encoding") { Description = "The tokenizer: for a model the tool does not know, or without --model (default o200k_base)", HelpName = "o200k_base|cl100k_base" };
        encoding.AcceptOnlyFromAmong("o200k_base", "cl100k_base");
        var format = new Option<string?>("--format") { Description = "The file's format (detected when omitted; reinforcement files must say so)", HelpName = "chat|preference|reinforcement|prompt-completion" };
        format.AcceptOnlyFromAmong("chat", "preference", "reinforcement", "prompt-completion");
        Option<int?> epochs = OptionValues.Integer("--epochs", 1, "The job's n_epochs, for the billed tokens (default: the service's rule for the example count)");
        Option<decimal?> price = OptionValues.Amount("--price", "Your price of one million trained tokens, for a cost estimate");
        Option<int?> maxTokens = OptionValues.Integer("--max-tokens", 1, "The most tokens per example, instead of the model's");

        var command = new Command("validate", "Check a training file offline: every problem by line, tokens, examples over the limit, epochs and billed tokens. Exit code 1 when it has problems.")
        {
            file, model, encoding, format, epochs, price, maxTokens,
        };
        runner.Bind(command, context =>
        {
            ParseResult parsed = context.ParseResult;
            TiktokenEncoding? tokenizer = parsed.GetValue(encoding) switch
            {
                "cl100k_base" => TiktokenEncoding.Cl100kBase,
                "o200k_base" => TiktokenEncoding.O200kBase,
                _ => null,
            };
            TiktokenTokenCounter counter = parsed.GetValue(model) is { } name
                ? TiktokenTokenCounter.ForModel(name, tokenizer, parsed.GetValue(maxTokens))
                : TiktokenTokenCounter.ForEncoding(tokenizer ?? TiktokenEncoding.O200kBase, parsed.GetValue(maxTokens));
            var options = new TrainingFileAnalysisOptions { Epochs = parsed.GetValue(epochs), PricePerMillionTokens = parsed.GetValue(price) };
            return RunAsync(context, parsed.GetValue(file)!, counter, options, ParseFormat(parsed.GetValue(format)));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string file, TiktokenTokenCounter counter, TrainingFileAnalysisOptions options, TrainingFileFormat? format)
    {
        string path = LocalFile.Require(file);
        var analyzer = new TrainingFileAnalyzer(counter, options);
        long size = new FileInfo(path).Length;
        TrainingFileAnalysis analysis = await ProgressBoard.RunAsync(context.Console, show: !context.Json && size > 1024 * 1024, async board =>
        {
            ProgressBoard.ProgressItem item = board.Add("Analyzing " + Path.GetFileName(path), size);
            var progress = new Progress(item);
            TrainingFileAnalysis result = await analyzer.AnalyzeAsync(path, format, progress, context.CancellationToken).ConfigureAwait(false);
            item.Complete(size);
            return result;
        }).ConfigureAwait(false);

        TrainingFileValidationResult validation = analysis.Validation;
        if (context.Json)
        {
            JsonObject document = TrainingFileReport.ValidationJson(file, validation);
            document["tokens"] = TrainingFileReport.AnalysisJson(analysis, counter);
            context.JsonOut.Write(document);
        }
        else
        {
            TrainingFileReport.WriteValidation(context.Console, Path.GetFileName(path), validation);
            if (analysis.ExampleCount > 0)
            {
                TrainingFileReport.WriteAnalysis(context.Console, analysis, counter);
            }

            if (counter.Model is null)
            {
                context.Note($"Tokens counted with {TrainingFileReport.EncodingName(counter.Encoding)} and no limit: pass --model for your base model's tokenizer and limit.");
            }
        }

        return validation.IsValid ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    private static TrainingFileFormat? ParseFormat(string? name) => name switch
    {
        "chat" => TrainingFileFormat.Chat,
        "preference" => TrainingFileFormat.Preference,
        "reinforcement" => TrainingFileFormat.Reinforcement,
        "prompt-completion" => TrainingFileFormat.PromptCompletion,
        _ => null,
    };

    /// <summary>Bytes read, reported on the analyzer's thread (the bar is thread-safe).</summary>
    private sealed class Progress(ProgressBoard.ProgressItem item) : IProgress<TrainingFileAnalysisProgress>
    {
        public void Report(TrainingFileAnalysisProgress value) => item.Report(value.BytesRead);
    }
}
