using System;

namespace Foundry.Training.FineTuning;

/// <summary>Settings for <see cref="TrainingFileAnalyzer"/>: the validation limits it shares with <see cref="TrainingFileValidator"/>, plus the model limit, epochs and price.</summary>
public class TrainingFileAnalysisOptions : TrainingFileValidationOptions
{
    /// <summary>The default <see cref="MaxListedExamples"/>: 100,000 (a few megabytes).</summary>
    public const int DefaultMaxListedExamples = 100_000;

    private int? _maxTokensPerExample;
    private int? _epochs;
    private decimal? _pricePerMillionTokens;
    private int _maxListedExamples = DefaultMaxListedExamples;

    /// <summary>
    /// The most tokens one example may have; longer examples are listed in <see cref="TrainingFileAnalysis.ExamplesOverLimit"/>
    /// and billed as this many tokens (the service truncates them). Defaults to the token counter's
    /// <see cref="TrainingTokenCounter.MaxTokensPerExample"/> (the model's limit, when known).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxTokensPerExample
    {
        get => _maxTokensPerExample;
        set => _maxTokensPerExample = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The token limit must be at least 1.");
    }

    /// <summary>
    /// The epochs the job will train for, when you set them (<c>n_epochs</c>); the estimate then uses them instead of
    /// <see cref="TrainingFileAnalysis.DefaultEpochs"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? Epochs
    {
        get => _epochs;
        set => _epochs = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A job trains for at least one epoch.");
    }

    /// <summary>
    /// The price of one million trained tokens, in your currency, for <see cref="TrainingFileAnalysis.EstimatedCost"/>.
    /// The SDK knows no prices: take it from your provider's price list. Null (the default) estimates no cost.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal? PricePerMillionTokens
    {
        get => _pricePerMillionTokens;
        set => _pricePerMillionTokens = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A price cannot be negative.");
    }

    /// <summary>
    /// The most examples kept in each list of the analysis (<see cref="TrainingFileAnalysis.Examples"/>,
    /// <see cref="TrainingFileAnalysis.ExamplesOverLimit"/>, <see cref="TrainingFileAnalysis.ExamplesWithoutAssistantTokens"/>);
    /// later ones are still counted and in the distributions, so a file of any size is analyzed in bounded memory.
    /// Defaults to 100,000; 0 keeps none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxListedExamples
    {
        get => _maxListedExamples;
        set => _maxListedExamples = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The number of listed examples cannot be negative.");
    }
}
