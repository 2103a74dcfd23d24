using System;
using System.Collections.Generic;

namespace Foundry.Training.FineTuning;

/// <summary>
/// The state of one analysis: counts each example the scan shows and keeps what the result needs in bounded memory
/// (the distributions as histograms, at most <see cref="TrainingFileAnalysisOptions.MaxListedExamples"/> per list).
/// </summary>
internal sealed class TrainingFileAnalysisRun : ITrainingExampleObserver
{
    private readonly ExampleTokenCounter _counter;
    private readonly int? _limit;
    private readonly int _maxListed;
    private readonly TokenHistogram _tokens = new();
    private readonly TokenHistogram _assistantTokens = new();
    private readonly List<TrainingExampleTokens> _examples = new();
    private readonly List<TrainingExampleTokens> _overLimit = new();
    private readonly List<TrainingExampleTokens> _withoutAssistantTokens = new();
    private long _overLimitCount;
    private long _withoutAssistantTokensCount;
    private long _billedTokensPerEpoch;

    public TrainingFileAnalysisRun(TrainingTokenCounter counter, int? limit, int maxListed)
    {
        _counter = new ExampleTokenCounter(counter);
        _limit = limit;
        _maxListed = maxListed;
    }

    public long ExampleCount { get; private set; }

    public void OnExample(ReadOnlySpan<byte> line, long lineNumber, TrainingFileFormat format)
    {
        ExampleTokenCount count = _counter.Count(line, format);
        var example = new TrainingExampleTokens(lineNumber, Cap(count.Tokens), Cap(count.AssistantTokens), Cap(count.ContextTokens));
        ExampleCount++;
        _tokens.Add(example.Tokens);
        _assistantTokens.Add(example.AssistantTokens);
        Keep(_examples, example);

        // The service truncates a longer example, so it bills at most the limit (as the Cookbook's estimate does).
        _billedTokensPerEpoch += _limit is int limit ? Math.Min(example.Tokens, limit) : example.Tokens;
        if (example.ContextTokens > _limit)
        {
            _overLimitCount++;
            Keep(_overLimit, example);
        }

        // A reinforcement example is a prompt: the model writes its own answers.
        if (example.AssistantTokens == 0 && format != TrainingFileFormat.Reinforcement)
        {
            _withoutAssistantTokensCount++;
            Keep(_withoutAssistantTokens, example);
        }
    }

    public TrainingFileAnalysis ToResult(TrainingFileValidationResult validation, int? epochs, decimal? pricePerMillionTokens)
    {
        int defaultEpochs = DefaultEpochs(ExampleCount);
        int plannedEpochs = epochs ?? defaultEpochs;
        long? billed = validation.Format == TrainingFileFormat.Reinforcement ? null : _billedTokensPerEpoch * plannedEpochs;
        decimal? cost = billed is long tokens && pricePerMillionTokens is decimal price ? tokens * price / 1_000_000m : null;
        return new TrainingFileAnalysis(
            validation,
            ExampleCount,
            _examples.AsReadOnly(),
            _tokens.ToDistribution(),
            _assistantTokens.ToDistribution(),
            _limit,
            _overLimitCount,
            _overLimit.AsReadOnly(),
            _withoutAssistantTokensCount,
            _withoutAssistantTokens.AsReadOnly(),
            defaultEpochs,
            plannedEpochs,
            _billedTokensPerEpoch,
            billed,
            pricePerMillionTokens,
            cost);
    }

    /// <summary>
    /// The OpenAI Cookbook's default epochs ("Data preparation and analysis for chat model fine-tuning"): 3 epochs,
    /// raised to at most 25 when examples × 3 is under 100 examples seen, lowered to at least 1 when it is over 25,000,
    /// with the notebook's integer division.
    /// </summary>
    internal static int DefaultEpochs(long examples)
    {
        const int TargetEpochs = 3, MinTargetExamples = 100, MaxTargetExamples = 25_000, MinEpochs = 1, MaxEpochs = 25;
        if (examples * TargetEpochs < MinTargetExamples)
        {
            return examples == 0 ? MaxEpochs : (int)Math.Min(MaxEpochs, MinTargetExamples / examples);
        }

        if (examples * TargetEpochs > MaxTargetExamples)
        {
            return (int)Math.Max(MinEpochs, MaxTargetExamples / examples);
        }

        return TargetEpochs;
    }

    private void Keep(List<TrainingExampleTokens> list, TrainingExampleTokens example)
    {
        if (list.Count < _maxListed)
        {
            list.Add(example);
        }
    }

    private static int Cap(long tokens) => (int)Math.Min(Math.Max(tokens, 0), int.MaxValue);
}
