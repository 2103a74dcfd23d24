using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Fine-tuning method (OpenAI platform). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningMethodType : IEquatable<FineTuningMethodType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningMethodType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Supervised fine-tuning. (<c>supervised</c>)</summary>
    public static FineTuningMethodType Supervised { get; } = new("supervised");

    /// <summary>Direct preference optimization. (<c>dpo</c>)</summary>
    public static FineTuningMethodType Dpo { get; } = new("dpo");

    /// <summary>Reinforcement fine-tuning with a grader. (<c>reinforcement</c>)</summary>
    public static FineTuningMethodType Reinforcement { get; } = new("reinforcement");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningMethodType left, FineTuningMethodType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningMethodType left, FineTuningMethodType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningMethodType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningMethodType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningMethodType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningMethodType>
    {
        protected override FineTuningMethodType Create(string value) => new(value);
    }
}
