using System;

namespace Foundry.Training.Tokenization;

/// <summary>
/// Which encoding an OpenAI model uses, and the most tokens one of its training examples may have, by model family.
/// Never prices. The limits are those of OpenAI's fine-tuning guide (training examples of gpt-4o, gpt-4o-mini and
/// gpt-4.1: 65,536 tokens; gpt-3.5-turbo: 16,385, its 0613 version 4,096; gpt-4: 8,192); families it gives no limit for
/// have none here. Callers override both through <see cref="TiktokenTokenCounter.ForModel"/>.
/// </summary>
internal static class OpenAIModelTable
{
    // First match wins, so a family comes before the shorter names it starts with (gpt-4o before gpt-4).
    private static readonly Entry[] s_entries =
    {
        new("gpt-4o-mini", TiktokenEncoding.O200kBase, 65_536),
        new("gpt-4o", TiktokenEncoding.O200kBase, 65_536),
        new("chatgpt-4o", TiktokenEncoding.O200kBase, null),
        new("gpt-4.1", TiktokenEncoding.O200kBase, 65_536),
        new("gpt-4.5", TiktokenEncoding.O200kBase, null),
        new("gpt-5", TiktokenEncoding.O200kBase, null),
        new("o1", TiktokenEncoding.O200kBase, null),
        new("o3", TiktokenEncoding.O200kBase, null),
        new("o4", TiktokenEncoding.O200kBase, null),
        new("gpt-4", TiktokenEncoding.Cl100kBase, 8_192),
        new("gpt-3.5-turbo-0613", TiktokenEncoding.Cl100kBase, 4_096),
        new("gpt-35-turbo-0613", TiktokenEncoding.Cl100kBase, 4_096),
        new("gpt-3.5-turbo", TiktokenEncoding.Cl100kBase, 16_385),
        new("gpt-35-turbo", TiktokenEncoding.Cl100kBase, 16_385),
    };

    /// <summary>The families the table knows, for error messages.</summary>
    public const string KnownFamilies = "gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.5, gpt-5, o1, o3, o4 (o200k_base); gpt-4, gpt-3.5-turbo (cl100k_base)";

    /// <summary>
    /// Finds the family of <paramref name="model"/>: an OpenAI name (<c>gpt-4o-mini-2024-07-18</c>), a fine-tuned one
    /// (<c>ft:gpt-4o-mini-2024-07-18:org::id</c>), or an Azure OpenAI name (<c>gpt-35-turbo-0125</c>, <c>gpt-4o-mini-2024-07-18.ft-id</c>).
    /// </summary>
    public static bool TryFind(string model, out TiktokenEncoding encoding, out int? maxTokensPerExample)
    {
        string name = model.StartsWith("ft:", StringComparison.OrdinalIgnoreCase) ? model.Substring(3) : model;
        foreach (Entry entry in s_entries)
        {
            if (name.StartsWith(entry.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                encoding = entry.Encoding;
                maxTokensPerExample = entry.MaxTokensPerExample;
                return true;
            }
        }

        encoding = default;
        maxTokensPerExample = null;
        return false;
    }

    private sealed class Entry
    {
        public Entry(string prefix, TiktokenEncoding encoding, int? maxTokensPerExample)
        {
            Prefix = prefix;
            Encoding = encoding;
            MaxTokensPerExample = maxTokensPerExample;
        }

        public string Prefix { get; }

        public TiktokenEncoding Encoding { get; }

        public int? MaxTokensPerExample { get; }
    }
}
