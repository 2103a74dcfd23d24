using Foundry.Training.FineTuning;

namespace Foundry.Training.Tests.FineTuning.Analysis;

/// <summary>A tokenizer of one token per character, so every count in a test can be worked out by hand.</summary>
internal sealed class CharacterCounter : TrainingTokenCounter
{
    private readonly int? _maxTokensPerExample;
    private readonly bool _record;

    public CharacterCounter(int? maxTokensPerExample = null, ChatTokenOverhead? overhead = null, bool record = true)
        : base(overhead ?? ChatTokenOverhead.Default)
    {
        _maxTokensPerExample = maxTokensPerExample;
        _record = record;
    }

    /// <summary>Every text the analyzer asked to count, in order (when recording).</summary>
    public List<string> Texts { get; } = new();

    public override int? MaxTokensPerExample => _maxTokensPerExample;

    public override int CountTokens(ReadOnlySpan<char> text)
    {
        if (_record)
        {
            Texts.Add(text.ToString());
        }

        return text.Length;
    }
}
