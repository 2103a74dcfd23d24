using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Built-in reward or verifier type. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingBuiltinRewardType : IEquatable<TrainingBuiltinRewardType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingBuiltinRewardType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Exact string match verifier. (<c>exact_match</c>)</summary>
    public static TrainingBuiltinRewardType ExactMatch { get; } = new("exact_match");

    /// <summary>Regular expression verifier. (<c>regex</c>)</summary>
    public static TrainingBuiltinRewardType Regex { get; } = new("regex");

    /// <summary>Math equivalence verifier. (<c>math_equivalence</c>)</summary>
    public static TrainingBuiltinRewardType MathEquivalence { get; } = new("math_equivalence");

    /// <summary>Unit test verifier for code generation tasks. (<c>unit_tests</c>)</summary>
    public static TrainingBuiltinRewardType UnitTests { get; } = new("unit_tests");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingBuiltinRewardType left, TrainingBuiltinRewardType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingBuiltinRewardType left, TrainingBuiltinRewardType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingBuiltinRewardType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingBuiltinRewardType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingBuiltinRewardType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingBuiltinRewardType>
    {
        protected override TrainingBuiltinRewardType Create(string value) => new(value);
    }
}
