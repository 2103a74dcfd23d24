using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Counts tokens the way a model's tokenizer does, for <see cref="TrainingFileAnalyzer"/>. The
/// <c>Foundry.Training.Tokenization</c> package provides the counters of OpenAI models (<c>TiktokenTokenCounter</c>:
/// o200k_base and cl100k_base, offline); derive from this class to analyze training data for another tokenizer, such
/// as that of an open-weight model trained on Foundry.
/// </summary>
/// <remarks>An analyzer calls <see cref="CountTokens"/> from the thread that runs the analysis; a counter shared by analyses that run at the same time must be thread-safe.</remarks>
public abstract class TrainingTokenCounter
{
    /// <summary>Creates a counter whose chat examples carry the <see cref="ChatTokenOverhead.Default"/> overhead.</summary>
    protected TrainingTokenCounter()
        : this(ChatTokenOverhead.Default)
    {
    }

    /// <summary>Creates a counter whose chat examples carry the given overhead.</summary>
    /// <param name="overhead">The tokens a chat example's structure adds to those of its text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="overhead"/> is null.</exception>
    protected TrainingTokenCounter(ChatTokenOverhead overhead)
    {
        Argument.AssertNotNull(overhead, nameof(overhead));
        Overhead = overhead;
    }

    /// <summary>The tokens a chat example's structure (messages, names, the reply, tool definitions) adds to those of its text.</summary>
    public ChatTokenOverhead Overhead { get; }

    /// <summary>
    /// The most tokens one training example may have for the model this counter is for (longer examples are
    /// truncated); null when unknown. <see cref="TrainingFileAnalysisOptions.MaxTokensPerExample"/> overrides it.
    /// </summary>
    public virtual int? MaxTokensPerExample => null;

    /// <summary>Counts the tokens of a text, as the model's tokenizer splits it.</summary>
    /// <param name="text">The text; never empty when called by the analyzer.</param>
    /// <returns>The number of tokens.</returns>
    public abstract int CountTokens(ReadOnlySpan<char> text);
}
