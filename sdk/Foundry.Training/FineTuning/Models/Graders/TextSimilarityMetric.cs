using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Similarity metric of a <see cref="TextSimilarityGrader"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TextSimilarityMetric : IEquatable<TextSimilarityMetric>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TextSimilarityMetric(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Cosine similarity. (<c>cosine</c>)</summary>
    public static TextSimilarityMetric Cosine { get; } = new("cosine");

    /// <summary>Fuzzy match. (<c>fuzzy_match</c>)</summary>
    public static TextSimilarityMetric FuzzyMatch { get; } = new("fuzzy_match");

    /// <summary>BLEU. (<c>bleu</c>)</summary>
    public static TextSimilarityMetric Bleu { get; } = new("bleu");

    /// <summary>GLEU. (<c>gleu</c>)</summary>
    public static TextSimilarityMetric Gleu { get; } = new("gleu");

    /// <summary>METEOR. (<c>meteor</c>)</summary>
    public static TextSimilarityMetric Meteor { get; } = new("meteor");

    /// <summary>ROUGE-1. (<c>rouge_1</c>)</summary>
    public static TextSimilarityMetric Rouge1 { get; } = new("rouge_1");

    /// <summary>ROUGE-2. (<c>rouge_2</c>)</summary>
    public static TextSimilarityMetric Rouge2 { get; } = new("rouge_2");

    /// <summary>ROUGE-3. (<c>rouge_3</c>)</summary>
    public static TextSimilarityMetric Rouge3 { get; } = new("rouge_3");

    /// <summary>ROUGE-4. (<c>rouge_4</c>)</summary>
    public static TextSimilarityMetric Rouge4 { get; } = new("rouge_4");

    /// <summary>ROUGE-5. (<c>rouge_5</c>)</summary>
    public static TextSimilarityMetric Rouge5 { get; } = new("rouge_5");

    /// <summary>ROUGE-L. (<c>rouge_l</c>)</summary>
    public static TextSimilarityMetric RougeL { get; } = new("rouge_l");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TextSimilarityMetric left, TextSimilarityMetric right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TextSimilarityMetric left, TextSimilarityMetric right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TextSimilarityMetric(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TextSimilarityMetric other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TextSimilarityMetric other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TextSimilarityMetric>
    {
        protected override TextSimilarityMetric Create(string value) => new(value);
    }
}
