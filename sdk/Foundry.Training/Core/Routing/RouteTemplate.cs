using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Training;

/// <summary>
/// A route template such as <c>/training_jobs/{jobName}/attempts/{attemptId}</c> or <c>/training_jobs/{name}:cancel</c>:
/// literal segments and placeholders, a placeholder being a whole segment with an optional literal suffix. The SDK
/// expands it (every value through <see cref="PathSegment"/>, the placeholder naming the parameter an
/// <see cref="ArgumentException"/> names); the emulator matches escaped request paths against it.
/// </summary>
/// <remarks>Compiled into the emulator as linked source as well: it depends on nothing but the BCL and <see cref="PathSegment"/>.</remarks>
internal sealed class RouteTemplate
{
    private readonly Part[] _parts;

    /// <summary>The escaped literal text before, between and after the placeholders (one more than there are placeholders).</summary>
    private readonly string[] _between;

    public RouteTemplate(string template)
    {
        if (template.Length == 0 || template[0] != '/')
        {
            throw new ArgumentException("A route template starts with '/'.", nameof(template));
        }

        Text = template;
        string[] segments = template.Substring(1).Split('/');
        _parts = new Part[segments.Length];
        var names = new List<string>();
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            int open = segment.IndexOf('{');
            if (open < 0)
            {
                _parts[i] = new Part(segment, null, string.Empty);
                LiteralCount++;
                continue;
            }

            int close = segment.IndexOf('}', open);
            if (open != 0 || close < 0)
            {
                throw new ArgumentException($"The segment '{segment}' of '{template}' is neither a literal nor a placeholder with an optional suffix.", nameof(template));
            }

            string name = segment.Substring(1, close - 1);
            string suffix = segment.Substring(close + 1);
            _parts[i] = new Part(null, name, suffix);
            names.Add(name);
            if (suffix.Length > 0)
            {
                LiteralCount++;
            }
        }

        Parameters = names.ToArray();
        _between = Between(_parts, names.Count);
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The placeholder names, in order: the names of the client methods' parameters.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>How many segments carry literal text: a more specific template wins when two match one path.</summary>
    public int LiteralCount { get; }

    /// <summary>The escaped path with <paramref name="values"/> in the placeholders' order.</summary>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    /// <exception cref="ArgumentException">A value cannot be one path segment (see <see cref="PathSegment.Problem"/>), named after its placeholder.</exception>
    public string Expand(params string[] values) => Expand(values, null);

    /// <summary>
    /// As <see cref="Expand(string[])"/>, but an <see cref="ArgumentException"/> names <paramref name="parameterNames"/>
    /// (by placeholder position) where the calling method names its parameters differently.
    /// </summary>
    public string Expand(string[] values, string[]? parameterNames)
    {
        if (values.Length != Parameters.Count)
        {
            throw new InvalidOperationException($"The route '{Text}' takes {Parameters.Count} values, not {values.Length}.");
        }

        // The literal text between placeholders is worked out once: most routes have one or two values, and their
        // path is then one concatenation.
        switch (values.Length)
        {
            case 0:
                return Text;
            case 1:
                return string.Concat(_between[0], Escape(values, parameterNames, 0), _between[1]);
            case 2:
                return _between[0] + Escape(values, parameterNames, 0) + _between[1] + Escape(values, parameterNames, 1) + _between[2];
        }

        var path = new StringBuilder(Text.Length + 32);
        path.Append(_between[0]);
        for (int value = 0; value < values.Length; value++)
        {
            path.Append(Escape(values, parameterNames, value)).Append(_between[value + 1]);
        }

        return path.ToString();
    }

    private string Escape(string[] values, string[]? parameterNames, int index) =>
        PathSegment.Escape(values[index], parameterNames?[index] ?? Parameters[index]);

    /// <summary>
    /// Matches escaped path segments (relative to the service root, without empty segments); on success
    /// <paramref name="values"/> holds the unescaped placeholder values by name.
    /// </summary>
    public bool TryMatch(IReadOnlyList<string> rawSegments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rawSegments.Count != _parts.Length)
        {
            return false;
        }

        for (int i = 0; i < _parts.Length; i++)
        {
            Part part = _parts[i];
            string raw = rawSegments[i];
            if (part.Literal is not null)
            {
                if (!string.Equals(raw, part.Literal, StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            if (raw.Length <= part.Suffix.Length || !raw.EndsWith(part.Suffix, StringComparison.Ordinal))
            {
                return false;
            }

            values[part.Name!] = Uri.UnescapeDataString(raw.Substring(0, raw.Length - part.Suffix.Length));
        }

        return true;
    }

    public override string ToString() => Text;

    private static string[] Between(Part[] parts, int placeholders)
    {
        var between = new string[placeholders + 1];
        var text = new StringBuilder();
        int index = 0;
        foreach (Part part in parts)
        {
            text.Append('/');
            if (part.Literal is not null)
            {
                text.Append(part.Literal);
                continue;
            }

            between[index++] = text.ToString();
            text.Clear().Append(part.Suffix);
        }

        between[index] = text.ToString();
        return between;
    }

    private readonly struct Part
    {
        public Part(string? literal, string? name, string suffix)
        {
            Literal = literal;
            Name = name;
            Suffix = suffix;
        }

        public string? Literal { get; }

        public string? Name { get; }

        public string Suffix { get; }
    }
}
