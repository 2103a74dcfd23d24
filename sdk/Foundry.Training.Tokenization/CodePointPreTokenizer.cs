using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace Foundry.Training.Tokenization;

/// <summary>
/// Splits text with an encoding's pre-tokenizer as tiktoken does, by code point. tiktoken matches its expressions on
/// code points, where .NET's <c>Regex</c> sees a character outside the basic plane as two surrogates of no letter or
/// number class: <c>𝒳-h</c> (a letter, U+1D4B3) splits as <c>𝒳</c> and <c>-h</c> in tiktoken but as <c>𝒳-</c> and
/// <c>h</c> in Microsoft.ML.Tokenizers, which changes the count. Here each such character is stood in for by one
/// character of its Unicode category while splitting, and each piece of the original text is then encoded on its own.
/// </summary>
internal static class CodePointPreTokenizer
{
    /// <summary>Whether <paramref name="text"/> has a character outside the basic plane (a surrogate pair), which only this class splits right.</summary>
    public static bool NeedsIt(ReadOnlySpan<char> text)
    {
#if NET8_0_OR_GREATER
        return text.IndexOfAnyInRange('\uD800', '\uDBFF') >= 0;
#else
        foreach (char c in text)
        {
            if (char.IsHighSurrogate(c))
            {
                return true;
            }
        }

        return false;
#endif
    }

    /// <summary>The tokens of <paramref name="text"/>: split by code point, each piece encoded without further splitting.</summary>
    public static int CountTokens(Tokenizer tokenizer, ReadOnlySpan<char> text)
    {
        string original = text.ToString();
        char[] standIns = new char[original.Length];
        var origin = new List<int>(original.Length + 1);
        int length = 0;
        for (int i = 0; i < original.Length; i++)
        {
            origin.Add(i);
            if (char.IsHighSurrogate(original[i]) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]))
            {
                standIns[length++] = StandIn(CharUnicodeInfo.GetUnicodeCategory(original, i));
                i++;
            }
            else
            {
                standIns[length++] = original[i];
            }
        }

        origin.Add(original.Length);
        int tokens = 0;
        foreach ((int offset, int count) in tokenizer.PreTokenizer!.PreTokenize(new ReadOnlySpan<char>(standIns, 0, length)))
        {
            int start = origin[offset];
            tokens += tokenizer.CountTokens(original.AsSpan(start, origin[offset + count] - start), considerPreTokenization: false);
        }

        return tokens;
    }

    /// <summary>A character of the basic plane in <paramref name="category"/>, for the classes the encodings' expressions tell apart.</summary>
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
        _ => '\u00A9', // a symbol (emoji and the rest): neither letter, number, mark nor space
    };
}
