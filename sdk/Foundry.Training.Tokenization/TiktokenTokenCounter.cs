using System;
using System.Threading;
using Foundry.Training.FineTuning;
using Microsoft.ML.Tokenizers;

namespace Foundry.Training.Tokenization;

/// <summary>
/// Counts tokens as OpenAI's models do (the counts of <c>tiktoken</c>), offline: the o200k_base and cl100k_base
/// vocabularies ship with this package. Give it to <see cref="TrainingFileAnalyzer"/> to know a fine-tuning job's tokens,
/// epochs and cost before uploading its file.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ForModel"/> picks the encoding and the per-example token limit from the model's family (o200k_base for
/// gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the o-series; cl100k_base for gpt-4 and gpt-3.5-turbo); either can be overridden.
/// Chat examples carry OpenAI's message and tool overhead for the encoding's models (<see cref="TrainingTokenCounter.Overhead"/>).
/// </para>
/// <para>
/// Text that spells a special token (<c>&lt;|endoftext|&gt;</c>) counts as that one token, as tiktoken's
/// <c>encode(text, allowed_special="all")</c> does. Text with characters outside Unicode's basic plane (emoji, some
/// CJK ideographs, mathematical letters) is split by code point as tiktoken splits it. Each encoding's vocabulary is
/// loaded once per process (a few hundred milliseconds) and shared; counting is thread-safe.
/// </para>
/// </remarks>
public sealed class TiktokenTokenCounter : TrainingTokenCounter
{
    // gpt-3.5-turbo and gpt-4 add 10 tokens per function definition where the gpt-4o family adds 7 (OpenAI Cookbook).
    private static readonly ChatTokenOverhead s_cl100kOverhead = new(perFunction: 10);
    private static readonly Lazy<Tokenizer> s_o200kBase = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Tokenizer> s_cl100kBase = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Tokenizer _tokenizer;
    private readonly int? _maxTokensPerExample;

    private TiktokenTokenCounter(string? model, TiktokenEncoding encoding, int? maxTokensPerExample)
        : base(encoding == TiktokenEncoding.Cl100kBase ? s_cl100kOverhead : ChatTokenOverhead.Default)
    {
        Model = model;
        Encoding = encoding;
        _maxTokensPerExample = maxTokensPerExample;
        _tokenizer = (encoding == TiktokenEncoding.Cl100kBase ? s_cl100kBase : s_o200kBase).Value;
    }

    /// <summary>The model the counter is for; null when it was made for an encoding.</summary>
    public string? Model { get; }

    /// <summary>The encoding the counter counts with.</summary>
    public TiktokenEncoding Encoding { get; }

    /// <summary>The most tokens one training example of the model may have: the one given, or the model family's; null when unknown.</summary>
    public override int? MaxTokensPerExample => _maxTokensPerExample;

    /// <summary>A counter for an OpenAI model, named as OpenAI or Azure OpenAI name it, fine-tuned or not.</summary>
    /// <param name="model">The model, for example <c>gpt-4.1-mini-2025-04-14</c>, <c>ft:gpt-4o-mini-2024-07-18:org::id</c> or <c>gpt-35-turbo-0125</c>.</param>
    /// <param name="encoding">The encoding to count with, instead of the family's (required for a model the SDK does not know).</param>
    /// <param name="maxTokensPerExample">The most tokens one training example may have, instead of the family's.</param>
    /// <returns>The counter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="model"/> is empty, or of no known family and no <paramref name="encoding"/> was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not a defined encoding, or <paramref name="maxTokensPerExample"/> is less than 1.</exception>
    public static TiktokenTokenCounter ForModel(string model, TiktokenEncoding? encoding = null, int? maxTokensPerExample = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (model.Length == 0)
        {
            throw new ArgumentException("The model name is empty.", nameof(model));
        }

        CheckEncoding(encoding);
        CheckLimit(maxTokensPerExample);
        bool known = OpenAIModelTable.TryFind(model, out TiktokenEncoding familyEncoding, out int? familyLimit);
        if (!known && encoding is null)
        {
            throw new ArgumentException(
                $"The encoding of model '{model}' is unknown; pass the encoding to count with. Known families: {OpenAIModelTable.KnownFamilies}.",
                nameof(model));
        }

        return new TiktokenTokenCounter(model, encoding ?? familyEncoding, maxTokensPerExample ?? familyLimit);
    }

    /// <summary>A counter for an encoding, when the model does not matter or is not an OpenAI name.</summary>
    /// <param name="encoding">The encoding to count with.</param>
    /// <param name="maxTokensPerExample">The most tokens one training example may have; none when null.</param>
    /// <returns>The counter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not a defined encoding, or <paramref name="maxTokensPerExample"/> is less than 1.</exception>
    public static TiktokenTokenCounter ForEncoding(TiktokenEncoding encoding, int? maxTokensPerExample = null)
    {
        CheckEncoding(encoding);
        CheckLimit(maxTokensPerExample);
        return new TiktokenTokenCounter(model: null, encoding, maxTokensPerExample);
    }

    /// <summary>Counts the tokens of a text as tiktoken does for the counter's encoding.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of tokens.</returns>
    public override int CountTokens(ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0
        : CodePointPreTokenizer.NeedsIt(text) ? CodePointPreTokenizer.CountTokens(_tokenizer, text)
        : _tokenizer.CountTokens(text);

    private static void CheckEncoding(TiktokenEncoding? encoding)
    {
        if (encoding is { } value && value is not (TiktokenEncoding.O200kBase or TiktokenEncoding.Cl100kBase))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), value, "Unknown encoding.");
        }
    }

    private static void CheckLimit(int? maxTokensPerExample)
    {
        if (maxTokensPerExample is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokensPerExample), maxTokensPerExample, "The token limit must be at least 1.");
        }
    }
}
