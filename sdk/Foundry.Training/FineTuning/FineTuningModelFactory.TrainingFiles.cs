using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for tests and mocks.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Builds a <see cref="FineTuning.TrainingFileValidationResult"/>, for example to mock <see cref="TrainingFileValidator"/>.</summary>
    /// <param name="format">The format the file was checked against.</param>
    /// <param name="lineCount">How many lines were read.</param>
    /// <param name="exampleCount">How many lines hold an example.</param>
    /// <param name="validExampleCount">How many examples have no problem.</param>
    /// <param name="problems">The problems found.</param>
    /// <param name="problemCount">How many problems were found; the number of <paramref name="problems"/> when null.</param>
    /// <param name="isComplete">Whether the whole file was read.</param>
    /// <returns>The result.</returns>
    public static TrainingFileValidationResult TrainingFileValidationResult(
        TrainingFileFormat? format = null,
        long lineCount = 0,
        long exampleCount = 0,
        long validExampleCount = 0,
        IEnumerable<TrainingFileProblem>? problems = null,
        long? problemCount = null,
        bool isComplete = true)
    {
        IReadOnlyList<TrainingFileProblem> list = problems?.ToList() ?? (IReadOnlyList<TrainingFileProblem>)Array.Empty<TrainingFileProblem>();
        return new TrainingFileValidationResult(format, lineCount, exampleCount, validExampleCount, problemCount ?? list.Count, list, isComplete);
    }

    /// <summary>Builds a <see cref="FineTuning.TokenCountDistribution"/>, for example for <see cref="TrainingFileAnalysis(TrainingFileValidationResult?, long, IEnumerable{TrainingExampleTokens}?, TokenCountDistribution?, TokenCountDistribution?, int?, long?, IEnumerable{TrainingExampleTokens}?, long?, IEnumerable{TrainingExampleTokens}?, int, int?, long, long?, decimal?, decimal?)"/>.</summary>
    /// <param name="count">How many examples the figures cover.</param>
    /// <param name="total">The sum of the counts.</param>
    /// <param name="min">The smallest count.</param>
    /// <param name="max">The largest count.</param>
    /// <param name="median">The median count.</param>
    /// <param name="p5">The 5th percentile.</param>
    /// <param name="p95">The 95th percentile.</param>
    /// <returns>The distribution.</returns>
    public static TokenCountDistribution TokenCountDistribution(long count = 0, long total = 0, int min = 0, int max = 0, double median = 0, double p5 = 0, double p95 = 0) =>
        new(count, total, min, max, median, p5, p95);

    /// <summary>Builds a <see cref="FineTuning.TrainingFileAnalysis"/>, for example to mock <see cref="TrainingFileAnalyzer"/>.</summary>
    /// <param name="validation">The validation of the same pass; a valid, complete one of <paramref name="exampleCount"/> chat examples when null.</param>
    /// <param name="exampleCount">How many examples were counted.</param>
    /// <param name="examples">The tokens of each example.</param>
    /// <param name="tokenDistribution">How the examples' tokens spread.</param>
    /// <param name="assistantTokenDistribution">How the examples' assistant tokens spread.</param>
    /// <param name="maxTokensPerExample">The most tokens one example may have.</param>
    /// <param name="examplesOverLimitCount">How many examples are over the limit; the number of <paramref name="examplesOverLimit"/> when null.</param>
    /// <param name="examplesOverLimit">The examples over the limit.</param>
    /// <param name="examplesWithoutAssistantTokensCount">How many examples have no assistant tokens; the number of <paramref name="examplesWithoutAssistantTokens"/> when null.</param>
    /// <param name="examplesWithoutAssistantTokens">The examples without assistant tokens.</param>
    /// <param name="defaultEpochs">The default epochs.</param>
    /// <param name="epochs">The epochs of the estimate; <paramref name="defaultEpochs"/> when null.</param>
    /// <param name="billedTokensPerEpoch">The tokens one epoch bills.</param>
    /// <param name="estimatedBilledTokens">The tokens the job bills.</param>
    /// <param name="pricePerMillionTokens">The price the cost was estimated with.</param>
    /// <param name="estimatedCost">The estimated cost.</param>
    /// <returns>The analysis.</returns>
    public static TrainingFileAnalysis TrainingFileAnalysis(
        TrainingFileValidationResult? validation = null,
        long exampleCount = 0,
        IEnumerable<TrainingExampleTokens>? examples = null,
        TokenCountDistribution? tokenDistribution = null,
        TokenCountDistribution? assistantTokenDistribution = null,
        int? maxTokensPerExample = null,
        long? examplesOverLimitCount = null,
        IEnumerable<TrainingExampleTokens>? examplesOverLimit = null,
        long? examplesWithoutAssistantTokensCount = null,
        IEnumerable<TrainingExampleTokens>? examplesWithoutAssistantTokens = null,
        int defaultEpochs = 3,
        int? epochs = null,
        long billedTokensPerEpoch = 0,
        long? estimatedBilledTokens = null,
        decimal? pricePerMillionTokens = null,
        decimal? estimatedCost = null)
    {
        IReadOnlyList<TrainingExampleTokens> overLimit = List(examplesOverLimit);
        IReadOnlyList<TrainingExampleTokens> withoutAssistantTokens = List(examplesWithoutAssistantTokens);
        return new TrainingFileAnalysis(
            validation ?? TrainingFileValidationResult(TrainingFileFormat.Chat, exampleCount, exampleCount, exampleCount),
            exampleCount,
            List(examples),
            tokenDistribution,
            assistantTokenDistribution,
            maxTokensPerExample,
            examplesOverLimitCount ?? overLimit.Count,
            overLimit,
            examplesWithoutAssistantTokensCount ?? withoutAssistantTokens.Count,
            withoutAssistantTokens,
            defaultEpochs,
            epochs ?? defaultEpochs,
            billedTokensPerEpoch,
            estimatedBilledTokens,
            pricePerMillionTokens,
            estimatedCost);
    }

    private static IReadOnlyList<T> List<T>(IEnumerable<T>? items) => items?.ToList() ?? (IReadOnlyList<T>)Array.Empty<T>();
}
