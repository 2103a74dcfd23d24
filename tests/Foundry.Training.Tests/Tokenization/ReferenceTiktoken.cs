using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Foundry.Training.Tests.Tokenization;

/// <summary>
/// An independent, deliberately plain implementation of tiktoken's encoding, to check the counts of the code under
/// test: the vocabulary is the <c>.tiktoken</c> file shipped in the Microsoft.ML.Tokenizers data packages (the
/// ground truth: the same ranks tiktoken downloads), the pre-tokenization regular expressions are tiktoken's
/// (<c>tiktoken_ext/openai_public.py</c>), and the merge loop is tiktoken's <c>_byte_pair_merge</c> (merge the
/// adjacent pair of lowest rank until none is in the vocabulary). tiktoken matches its expressions on code points: here
/// each astral code point is stood in for by one character of its Unicode category before matching, so a surrogate
/// pair behaves as the one character it is.
/// </summary>
internal sealed class ReferenceTiktoken
{
    // tiktoken's cl100k_base pattern as first published (the later, possessive form splits text identically).
    private const string Cl100kPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly string O200kPattern = string.Join("|", new[]
    {
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
        @"\p{N}{1,3}",
        @" ?[^\s\p{L}\p{N}]+[\r\n/]*",
        @"\s*[\r\n]+",
        @"\s+(?!\S)",
        @"\s+",
    });

    private static readonly Lazy<ReferenceTiktoken> s_o200kBase = new(() => new ReferenceTiktoken("Microsoft.ML.Tokenizers.Data.O200kBase", "o200k_base.tiktoken.deflate", O200kPattern));
    private static readonly Lazy<ReferenceTiktoken> s_cl100kBase = new(() => new ReferenceTiktoken("Microsoft.ML.Tokenizers.Data.Cl100kBase", "cl100k_base.tiktoken.deflate", Cl100kPattern));

    // Token bytes as a Latin-1 string (one char per byte) -> rank.
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private readonly Regex _pattern;

    private ReferenceTiktoken(string assembly, string resource, string pattern)
    {
        using Stream compressed = Assembly.Load(assembly).GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{assembly} has no {resource}.");
        // The packages store the .tiktoken file compressed, as a "Capacity: N" line and then one base64 token per line in
        // rank order (tiktoken's own file spells each rank out: "token rank"); both forms are read.
        using var reader = new StreamReader(new DeflateStream(compressed, CompressionMode.Decompress), Encoding.ASCII);
        int next = 0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            if (line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            int rank = space < 0 ? next : int.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            _ranks[Encoding.Latin1.GetString(Convert.FromBase64String(space < 0 ? line : line[..space]))] = rank;
            next = rank + 1;
        }

        _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
    }

    public static ReferenceTiktoken O200kBase => s_o200kBase.Value;

    public static ReferenceTiktoken Cl100kBase => s_cl100kBase.Value;

    /// <summary>How many entries the vocabulary has (o200k_base: 199,998; cl100k_base: 100,256).</summary>
    public int VocabularySize => _ranks.Count;

    /// <summary>The number of tokens tiktoken's <c>encode_ordinary</c> gives <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        (string matched, int[] origin) = OneCharPerCodePoint(text);
        int tokens = 0;
        foreach (Match match in _pattern.Matches(matched))
        {
            int start = origin[match.Index];
            int end = origin[match.Index + match.Length];
            tokens += Merge(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text[start..end])));
        }

        return tokens;
    }

    /// <summary>tiktoken's <c>_byte_pair_merge</c>: the number of tokens of one piece.</summary>
    private int Merge(string piece)
    {
        if (_ranks.ContainsKey(piece))
        {
            return 1;
        }

        // Boundaries between the parts, each part one byte to start with.
        var bounds = Enumerable.Range(0, piece.Length + 1).ToList();
        while (true)
        {
            int best = -1;
            int bestRank = int.MaxValue;
            for (int i = 0; i + 2 < bounds.Count; i++)
            {
                if (_ranks.TryGetValue(piece[bounds[i]..bounds[i + 2]], out int rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }

            if (best < 0)
            {
                return bounds.Count - 1;
            }

            bounds.RemoveAt(best + 1);
        }
    }

    /// <summary>The text with each surrogate pair replaced by one character of the same category, and where each character came from.</summary>
    private static (string Text, int[] Origin) OneCharPerCodePoint(string text)
    {
        var result = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            origin.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(StandIn(CharUnicodeInfo.GetUnicodeCategory(text, i)));
                i++;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        origin.Add(text.Length);
        return (result.ToString(), origin.ToArray());
    }

    /// <summary>A character of the basic plane in <paramref name="category"/>, for the classes the patterns use.</summary>
    private static char StandIn(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => 'A',
        UnicodeCategory.LowercaseLetter => 'a',
        UnicodeCategory.TitlecaseLetter => '\u01C5',
        UnicodeCategory.ModifierLetter => '\u02B0',
        UnicodeCategory.OtherLetter => '\u00AA',
        UnicodeCategory.NonSpacingMark => '\u0300',
        UnicodeCategory.SpacingCombiningMark => '\u0903',
        UnicodeCategory.EnclosingMark => '\u0488',
        UnicodeCategory.DecimalDigitNumber => '0',
        UnicodeCategory.LetterNumber => '\u2160',
        UnicodeCategory.OtherNumber => '\u00B2',
        _ => '\u00A9', // a symbol: no letter, number, mark or space
    };
}
