using System.Globalization;
using System.Text.Json.Nodes;
using Foundry.Training.FineTuning;
using Foundry.Training.Tokenization;
using Spectre.Console;

namespace Foundry.Training.Cli.Output;

/// <summary>What <c>validate</c> (and <c>jobs create --training-file</c>) says about a training file, as text or JSON.</summary>
internal static class TrainingFileReport
{
    /// <summary>How many example line numbers a list shows at a terminal; JSON has them all.</summary>
    private const int ListedLines = 10;

    public static void WriteValidation(IAnsiConsole console, string fileName, TrainingFileValidationResult validation)
    {
        string format = validation.Format is TrainingFileFormat f ? FormatName(f) : "unrecognized";
        console.Write(new Text($"{Display.Safe(fileName)}: {validation.ExampleCount:N0} {format} examples, {validation.ProblemCount:N0} problem{(validation.ProblemCount == 1 ? "" : "s")}" + Environment.NewLine,
            validation.IsValid ? Style.Plain : new Style(Color.Red)));
        foreach (TrainingFileProblem problem in validation.Problems)
        {
            console.Write(new Text($"  line {problem.LineNumber}: {problem.Kind}: {Display.Safe(problem.Message)}" + Environment.NewLine));
        }

        long unlisted = validation.ProblemCount - validation.Problems.Count;
        if (unlisted > 0)
        {
            console.Write(new Text($"  ... and {unlisted:N0} more" + Environment.NewLine));
        }

        if (!validation.IsComplete)
        {
            console.Write(new Text("  (validation stopped early: the rest of the file was not read)" + Environment.NewLine));
        }
    }

    public static void WriteAnalysis(IAnsiConsole console, TrainingFileAnalysis analysis, TiktokenTokenCounter counter)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape($"Tokens ({counter.Model ?? "no model"}, {EncodingName(counter.Encoding)})")) };
        table.AddColumn("");
        foreach (string column in new[] { "min", "median", "p95", "max", "total" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        AddRow("per example", analysis.TokenDistribution);
        AddRow("assistant", analysis.AssistantTokenDistribution);
        console.Write(table);

        string limit = analysis.MaxTokensPerExample is int max ? $"over the {max:N0}-token limit" : "over a limit (none known: pass --model or --max-tokens)";
        console.WriteLine($"{analysis.ExamplesOverLimitCount:N0} examples {limit}{Lines(analysis.ExamplesOverLimit)}");
        console.WriteLine($"{analysis.ExamplesWithoutAssistantTokensCount:N0} examples without assistant tokens{Lines(analysis.ExamplesWithoutAssistantTokens)}");
        if (analysis.EstimatedBilledTokens is long billed)
        {
            string cost = analysis.EstimatedCost is decimal estimate
                ? string.Create(CultureInfo.InvariantCulture, $", about {estimate:0.####} at {analysis.PricePerMillionTokens} per million")
                : " (pass --price for a cost estimate)";
            console.WriteLine($"{analysis.BilledTokensPerEpoch:N0} tokens per epoch x {analysis.Epochs} epochs (default {analysis.DefaultEpochs}) = {billed:N0} billed tokens{cost}");
        }
        else
        {
            console.WriteLine($"{analysis.Epochs} epochs (default {analysis.DefaultEpochs}); reinforcement fine-tuning is billed by training time, not tokens");
        }

        void AddRow(string name, TokenCountDistribution? tokens)
        {
            if (tokens is null)
            {
                table.AddRow(name, "-", "-", "-", "-", "-");
                return;
            }

            table.AddRow(name, tokens.Min.ToString("N0", CultureInfo.InvariantCulture), tokens.Median.ToString("0.#", CultureInfo.InvariantCulture),
                tokens.P95.ToString("0.#", CultureInfo.InvariantCulture), tokens.Max.ToString("N0", CultureInfo.InvariantCulture), tokens.Total.ToString("N0", CultureInfo.InvariantCulture));
        }
    }

    public static JsonObject ValidationJson(string path, TrainingFileValidationResult validation)
    {
        var problems = new JsonArray();
        foreach (TrainingFileProblem problem in validation.Problems)
        {
            problems.Add(new JsonObject { ["line"] = problem.LineNumber, ["kind"] = problem.Kind.ToString(), ["message"] = problem.Message });
        }

        return new JsonObject
        {
            ["file"] = path,
            ["format"] = validation.Format is TrainingFileFormat f ? FormatName(f) : null,
            ["valid"] = validation.IsValid,
            ["complete"] = validation.IsComplete,
            ["line_count"] = validation.LineCount,
            ["example_count"] = validation.ExampleCount,
            ["valid_example_count"] = validation.ValidExampleCount,
            ["problem_count"] = validation.ProblemCount,
            ["problems"] = problems,
        };
    }

    public static JsonObject AnalysisJson(TrainingFileAnalysis analysis, TiktokenTokenCounter counter) => new()
    {
        ["model"] = counter.Model,
        ["encoding"] = EncodingName(counter.Encoding),
        ["max_tokens_per_example"] = analysis.MaxTokensPerExample,
        ["per_example"] = DistributionJson(analysis.TokenDistribution),
        ["assistant"] = DistributionJson(analysis.AssistantTokenDistribution),
        ["examples_over_limit"] = ExamplesJson(analysis.ExamplesOverLimitCount, analysis.ExamplesOverLimit),
        ["examples_without_assistant_tokens"] = ExamplesJson(analysis.ExamplesWithoutAssistantTokensCount, analysis.ExamplesWithoutAssistantTokens),
        ["default_epochs"] = analysis.DefaultEpochs,
        ["epochs"] = analysis.Epochs,
        ["billed_tokens_per_epoch"] = analysis.BilledTokensPerEpoch,
        ["estimated_billed_tokens"] = analysis.EstimatedBilledTokens,
        ["price_per_million_tokens"] = analysis.PricePerMillionTokens,
        ["estimated_cost"] = analysis.EstimatedCost,
    };

    public static string FormatName(TrainingFileFormat format) => format switch
    {
        TrainingFileFormat.Chat => "chat",
        TrainingFileFormat.PromptCompletion => "prompt-completion",
        TrainingFileFormat.Preference => "preference",
        _ => "reinforcement",
    };

    public static string EncodingName(TiktokenEncoding encoding) => encoding == TiktokenEncoding.Cl100kBase ? "cl100k_base" : "o200k_base";

    private static JsonObject? DistributionJson(TokenCountDistribution? tokens) => tokens is null ? null : new JsonObject
    {
        ["count"] = tokens.Count,
        ["total"] = tokens.Total,
        ["min"] = tokens.Min,
        ["max"] = tokens.Max,
        ["mean"] = tokens.Mean,
        ["median"] = tokens.Median,
        ["p5"] = tokens.P5,
        ["p95"] = tokens.P95,
    };

    private static JsonObject ExamplesJson(long count, IReadOnlyList<TrainingExampleTokens> examples)
    {
        var list = new JsonArray();
        foreach (TrainingExampleTokens example in examples)
        {
            list.Add(new JsonObject
            {
                ["line"] = example.LineNumber,
                ["tokens"] = example.Tokens,
                ["assistant_tokens"] = example.AssistantTokens,
                ["context_tokens"] = example.ContextTokens,
            });
        }

        return new JsonObject { ["count"] = count, ["examples"] = list };
    }

    private static string Lines(IReadOnlyList<TrainingExampleTokens> examples)
    {
        if (examples.Count == 0)
        {
            return string.Empty;
        }

        string lines = string.Join(", ", examples.Take(ListedLines).Select(e => e.LineNumber.ToString(CultureInfo.InvariantCulture)));
        return examples.Count > ListedLines ? $": lines {lines}, ..." : $": line{(examples.Count == 1 ? "" : "s")} {lines}";
    }
}
