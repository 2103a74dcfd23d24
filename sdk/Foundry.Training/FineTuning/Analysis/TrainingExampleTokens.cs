using System;
using System.Globalization;

namespace Foundry.Training.FineTuning;

/// <summary>The tokens of one training example, as <see cref="TrainingFileAnalyzer"/> counted them.</summary>
public sealed class TrainingExampleTokens
{
    /// <summary>Creates the counts of one example.</summary>
    /// <param name="lineNumber">The example's 1-based line number.</param>
    /// <param name="tokens">The example's tokens: what one epoch trains on and bills.</param>
    /// <param name="assistantTokens">The tokens of the answers the model learns from.</param>
    /// <param name="contextTokens">The tokens of the longest sequence the model reads at once, compared with the model's limit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lineNumber"/> is less than 1, or a count is negative.</exception>
    public TrainingExampleTokens(long lineNumber, int tokens, int assistantTokens, int contextTokens)
    {
        if (lineNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber), lineNumber, "Line numbers start at 1.");
        }

        LineNumber = lineNumber;
        Tokens = tokens >= 0 ? tokens : throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "A token count cannot be negative.");
        AssistantTokens = assistantTokens >= 0 ? assistantTokens : throw new ArgumentOutOfRangeException(nameof(assistantTokens), assistantTokens, "A token count cannot be negative.");
        ContextTokens = contextTokens >= 0 ? contextTokens : throw new ArgumentOutOfRangeException(nameof(contextTokens), contextTokens, "A token count cannot be negative.");
    }

    /// <summary>The example's 1-based line number.</summary>
    public long LineNumber { get; }

    /// <summary>
    /// The example's tokens: every message (with its overhead), name and tool definition, as OpenAI's guidance counts
    /// them; for a preference example the input and both outputs. What one epoch trains on and bills.
    /// </summary>
    public int Tokens { get; }

    /// <summary>
    /// The tokens of the answers the model learns from: the content and tool calls of assistant messages (except those
    /// with <c>"weight": 0</c>), both outputs of a preference example, the completion of a prompt-completion example.
    /// </summary>
    public int AssistantTokens { get; }

    /// <summary>
    /// The tokens of the longest sequence the model reads at once, which must fit the model's limit: <see cref="Tokens"/>,
    /// except for a preference example, where it is the input with the longer of the two outputs.
    /// </summary>
    public int ContextTokens { get; }

    /// <summary>The counts as <c>line N: T tokens (A assistant)</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "line {0}: {1:N0} tokens ({2:N0} assistant)", LineNumber, Tokens, AssistantTokens);
}
