using System;
using System.Globalization;

namespace Foundry.Training;

/// <summary>
/// Turns a caller's id or name into exactly one escaped path segment, or refuses it: every route of every client is
/// built from these segments, so no value can reach another resource.
/// </summary>
/// <remarks>
/// <para>
/// Escaping alone is not enough: <see cref="Uri.EscapeDataString(string)"/> leaves <c>.</c> and <c>..</c> as they are, and
/// <see cref="Uri"/> then collapses them (it collapses <c>%2E%2E</c> too), so <c>DELETE /training_jobs/..</c> would
/// become <c>DELETE /</c> of the parent. Such values are refused, as are values that cannot name anything (empty,
/// whitespace only), control characters (no id has one; they would also reach logs and spans), unpaired surrogates
/// (which escaping would silently turn into U+FFFD, another id) and values longer than <see cref="MaxLength"/>.
/// </para>
/// <para>
/// <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c>, <c>%</c> and any other character are escaped and stay inside the segment
/// (metric names such as <c>train/loss</c> need the slash). A <c>.</c> or <c>..</c> between slashes (<c>../x</c>) is
/// refused as well: a server or proxy that decodes <c>%2F</c> before routing would otherwise read it as a parent reference.
/// </para>
/// </remarks>
internal static class PathSegment
{
    /// <summary>The longest value accepted, in UTF-16 code units: far above any id the services hand out, and below URL limits of servers and proxies once escaped.</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks <paramref name="value"/> (see <see cref="Problem"/>) and escapes it as one path segment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> cannot be a path segment; the message says why.</exception>
    public static string Escape(string? value, string parameterName)
    {
        Assert(value, parameterName);
        return Uri.EscapeDataString(value!);
    }

    /// <summary>Checks that <paramref name="value"/> can be one path segment, before anything is sent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> cannot be a path segment; the message says why.</exception>
    public static void Assert(string? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (Problem(value) is string problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }

    /// <summary>Why <paramref name="value"/> cannot be one path segment, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
        {
            return "Value cannot be an empty string.";
        }

        if (value.Length > MaxLength)
        {
            return string.Format(CultureInfo.InvariantCulture, "Value is {0} characters long; an id or name has at most {1}.", value.Length, MaxLength);
        }

        bool whitespaceOnly = true;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c))
            {
                return string.Format(CultureInfo.InvariantCulture, "Value contains the control character U+{0:X4} at index {1}.", (int)c, i);
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                whitespaceOnly = false;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return string.Format(CultureInfo.InvariantCulture, "Value contains an unpaired surrogate at index {0}.", i);
            }
            else if (!char.IsWhiteSpace(c))
            {
                whitespaceOnly = false;
            }
        }

        if (whitespaceOnly)
        {
            return "Value cannot be whitespace.";
        }

        return value.IndexOf('.') >= 0 && HasDotSegment(value)
            ? $"'{value}' would be read as a reference to a parent or the current resource ('.' or '..' as a path segment)."
            : null;
    }

    /// <summary>Whether <c>.</c> or <c>..</c> is the whole value or one of its parts between <c>/</c> or <c>\</c>.</summary>
    private static bool HasDotSegment(string value)
    {
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] == '/' || value[i] == '\\')
            {
                int length = i - start;
                if ((length == 1 && value[start] == '.') || (length == 2 && value[start] == '.' && value[start + 1] == '.'))
                {
                    return true;
                }

                start = i + 1;
            }
        }

        return false;
    }
}
