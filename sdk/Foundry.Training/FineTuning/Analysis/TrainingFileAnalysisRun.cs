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
        int tokens = Cap(count.Tokens);
        int assistantTokens = Cap(count.AssistantTokens);
        int contextTokens = Cap(count.ContextTokens);
        TrainingExampleTokens? example = null; // made only when a list keeps it: a counted example allocates nothing
        ExampleCount++;
        _tokens.Add(tokens);
        _assistantTokens.Add(assistantTokens);
        Keep(_examples, ref example);

        // The service truncates a longer example, so it bills at most the limit (as the Cookbook's estimate does).
        _billedTokensPerEpoch += _limit is int limit ? Math.Min(tokens, limit) : tokens;
        if (contextTokens > _limit)
        {
            _overLimitCount++;
            Keep(_overLimit, ref example);
        }

        // A reinforcement example is a prompt: the model writes its own answers.
        if (assistantTokens == 0 && format != TrainingFileFormat.Reinforcement)
        {
            _withoutAssistantTokensCount++;
            Keep(_withoutAssistantTokens, ref example);
        }

        void Keep(List<TrainingExampleTokens> list, ref TrainingExampleTokens? kept)
        {
            if (list.Count < _maxListed)
            {
                kept ??= new TrainingExampleTokens(lineNumber, tokens, assistantTokens, contextTokens);
                list.Add(kept);
            }
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

    private static int Cap(long tokens) => (int)Math.Min(Math.Max(tokens, 0), int.MaxValue);
}
