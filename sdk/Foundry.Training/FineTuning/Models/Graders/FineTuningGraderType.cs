using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Kind of a grader (the <c>type</c> discriminator). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningGraderType : IEquatable<FineTuningGraderType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningGraderType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary><see cref="StringCheckGrader"/>. (<c>string_check</c>)</summary>
    public static FineTuningGraderType StringCheck { get; } = new("string_check");

    /// <summary><see cref="TextSimilarityGrader"/>. (<c>text_similarity</c>)</summary>
    public static FineTuningGraderType TextSimilarity { get; } = new("text_similarity");

    /// <summary><see cref="PythonGrader"/>. (<c>python</c>)</summary>
    public static FineTuningGraderType Python { get; } = new("python");

    /// <summary><see cref="ScoreModelGrader"/>. (<c>score_model</c>)</summary>
    public static FineTuningGraderType ScoreModel { get; } = new("score_model");

    /// <summary><see cref="LabelModelGrader"/>. (<c>label_model</c>)</summary>
    public static FineTuningGraderType LabelModel { get; } = new("label_model");

    /// <summary><see cref="MultiGrader"/>. (<c>multi</c>)</summary>
    public static FineTuningGraderType Multi { get; } = new("multi");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningGraderType left, FineTuningGraderType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningGraderType left, FineTuningGraderType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningGraderType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningGraderType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningGraderType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningGraderType>
    {
        protected override FineTuningGraderType Create(string value) => new(value);
    }
}
