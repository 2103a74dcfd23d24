using System.Collections.Generic;

namespace Foundry.Training.FineTuning;

/// <summary>
/// What a training file will cost to train on before it is uploaded: the tokens of each example and their
/// distribution, the examples over the model's limit or without anything to learn from, the default epochs and the
/// billed tokens (and, given a price, the cost). Built by <see cref="TrainingFileAnalyzer"/>; for tests, by
/// <see cref="FineTuningModelFactory.TrainingFileAnalysis"/>.
/// </summary>
/// <remarks>
/// Every example that is a JSON object of the file's format is counted, even when <see cref="Validation"/> lists a
/// problem in it; lines that cannot be read as such (invalid JSON, another format, too long) are not.
/// </remarks>
public sealed class TrainingFileAnalysis
{
    internal TrainingFileAnalysis(
        TrainingFileValidationResult validation,
        long exampleCount,
        IReadOnlyList<TrainingExampleTokens> examples,
        TokenCountDistribution? tokenDistribution,
        TokenCountDistribution? assistantTokenDistribution,
        int? maxTokensPerExample,
        long examplesOverLimitCount,
        IReadOnlyList<TrainingExampleTokens> examplesOverLimit,
        long examplesWithoutAssistantTokensCount,
        IReadOnlyList<TrainingExampleTokens> examplesWithoutAssistantTokens,
        int defaultEpochs,
        int epochs,
        long billedTokensPerEpoch,
        long? estimatedBilledTokens,
        decimal? pricePerMillionTokens,
        decimal? estimatedCost)
    {
        Validation = validation;
        ExampleCount = exampleCount;
        Examples = examples;
        TokenDistribution = tokenDistribution;
        AssistantTokenDistribution = assistantTokenDistribution;
        MaxTokensPerExample = maxTokensPerExample;
        ExamplesOverLimitCount = examplesOverLimitCount;
        ExamplesOverLimit = examplesOverLimit;
        ExamplesWithoutAssistantTokensCount = examplesWithoutAssistantTokensCount;
        ExamplesWithoutAssistantTokens = examplesWithoutAssistantTokens;
        DefaultEpochs = defaultEpochs;
        Epochs = epochs;
        BilledTokensPerEpoch = billedTokensPerEpoch;
        EstimatedBilledTokens = estimatedBilledTokens;
        PricePerMillionTokens = pricePerMillionTokens;
        EstimatedCost = estimatedCost;
    }

    /// <summary>The validation of the same pass: format, line and example counts, and every problem with its line number.</summary>
    public TrainingFileValidationResult Validation { get; }

    /// <summary>The format the examples were counted as (that of <see cref="Validation"/>).</summary>
    public TrainingFileFormat? Format => Validation.Format;

    /// <summary>How many examples were counted.</summary>
    public long ExampleCount { get; }

    /// <summary>
    /// The tokens of each counted example, in file order, up to <see cref="TrainingFileAnalysisOptions.MaxListedExamples"/>
    /// of them (<see cref="ExampleCount"/> says how many there are).
    /// </summary>
    public IReadOnlyList<TrainingExampleTokens> Examples { get; }

    /// <summary>How <see cref="TrainingExampleTokens.Tokens"/> spreads over the examples; null when there are none.</summary>
    public TokenCountDistribution? TokenDistribution { get; }

    /// <summary>How <see cref="TrainingExampleTokens.AssistantTokens"/> spreads over the examples; null when there are none.</summary>
    public TokenCountDistribution? AssistantTokenDistribution { get; }

    /// <summary>The most tokens one example may have (the model's limit, or the one asked for); null when unknown, and nothing is over it.</summary>
    public int? MaxTokensPerExample { get; }

    /// <summary>How many examples have more <see cref="TrainingExampleTokens.ContextTokens"/> than <see cref="MaxTokensPerExample"/>: the service truncates them.</summary>
    public long ExamplesOverLimitCount { get; }

    /// <summary>The examples over the limit, in file order, up to <see cref="TrainingFileAnalysisOptions.MaxListedExamples"/> of them.</summary>
    public IReadOnlyList<TrainingExampleTokens> ExamplesOverLimit { get; }

    /// <summary>
    /// How many examples have no <see cref="TrainingExampleTokens.AssistantTokens"/>: nothing to learn from. Not counted
    /// for reinforcement files, whose examples are prompts.
    /// </summary>
    public long ExamplesWithoutAssistantTokensCount { get; }

    /// <summary>The examples without assistant tokens, in file order, up to <see cref="TrainingFileAnalysisOptions.MaxListedExamples"/> of them.</summary>
    public IReadOnlyList<TrainingExampleTokens> ExamplesWithoutAssistantTokens { get; }

    /// <summary>
    /// The epochs a job trains for when none are set, by the OpenAI Cookbook's rule: 3, raised (up to 25) to
    /// 100 ÷ examples when examples × 3 is under 100, lowered (down to 1) to 25,000 ÷ examples when it is over 25,000
    /// (integer division, as the notebook computes).
    /// </summary>
    public int DefaultEpochs { get; }

    /// <summary>The epochs the estimate is for: <see cref="TrainingFileAnalysisOptions.Epochs"/> when set, else <see cref="DefaultEpochs"/>.</summary>
    public int Epochs { get; }

    /// <summary>The tokens one epoch bills: every example's <see cref="TrainingExampleTokens.Tokens"/>, at most <see cref="MaxTokensPerExample"/> each.</summary>
    public long BilledTokensPerEpoch { get; }

    /// <summary>
    /// The tokens the job bills: <see cref="BilledTokensPerEpoch"/> × <see cref="Epochs"/>. Null for reinforcement
    /// files: reinforcement fine-tuning is billed by training time, not tokens.
    /// </summary>
    public long? EstimatedBilledTokens { get; }

    /// <summary>The price per million tokens the cost was estimated with (<see cref="TrainingFileAnalysisOptions.PricePerMillionTokens"/>).</summary>
    public decimal? PricePerMillionTokens { get; }

    /// <summary>
    /// <see cref="EstimatedBilledTokens"/> × <see cref="PricePerMillionTokens"/> ÷ 1,000,000, in the price's currency;
    /// null without a price or billed tokens.
    /// </summary>
    public decimal? EstimatedCost { get; }

    /// <summary>Whether the whole file was read (<see cref="TrainingFileValidationResult.IsComplete"/>).</summary>
    public bool IsComplete => Validation.IsComplete;
}
