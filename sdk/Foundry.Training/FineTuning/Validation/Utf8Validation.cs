using System;

namespace Foundry.Training.FineTuning;

/// <summary>UTF-8 well-formedness, which <see cref="System.Text.Json.Utf8JsonReader"/> does not check inside strings.</summary>
internal static class Utf8Validation
{
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(utf8);
#else
        return IsValidPortable(utf8);
#endif
    }

    /// <summary>The check for targets without <c>Utf8.IsValid</c>: rejects stray continuation bytes, truncated sequences, overlong forms, surrogates and code points above U+10FFFF.</summary>
    internal static bool IsValidPortable(ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        while (i < utf8.Length)
        {
            byte lead = utf8[i];
            if (lead < 0x80)
            {
                i++;
                continue;
            }

            int continuationBytes;
            int codePoint;
            int minimum;
            if ((lead & 0xE0) == 0xC0)
            {
                (continuationBytes, codePoint, minimum) = (1, lead & 0x1F, 0x80);
            }
            else if ((lead & 0xF0) == 0xE0)
            {
                (continuationBytes, codePoint, minimum) = (2, lead & 0x0F, 0x800);
            }
            else if ((lead & 0xF8) == 0xF0)
            {
                (continuationBytes, codePoint, minimum) = (3, lead & 0x07, 0x10000);
            }
            else
            {
                return false;
            }

            if (i + continuationBytes >= utf8.Length)
            {
                return false;
            }

            for (int k = 1; k <= continuationBytes; k++)
            {
                byte next = utf8[i + k];
                if ((next & 0xC0) != 0x80)
                {
                    return false;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
            }

            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return false;
            }

            i += continuationBytes + 1;
        }

        return true;
    }
}
