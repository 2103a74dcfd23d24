namespace Foundry.Training.FineTuning;

/// <summary>The counts of one example (see <see cref="TrainingExampleTokens"/>), before they are capped to an <see cref="int"/>.</summary>
internal readonly struct ExampleTokenCount
{
    public ExampleTokenCount(long tokens, long assistantTokens, long contextTokens)
    {
        Tokens = tokens;
        AssistantTokens = assistantTokens;
        ContextTokens = contextTokens;
    }

    public long Tokens { get; }

    public long AssistantTokens { get; }

    public long ContextTokens { get; }
}
