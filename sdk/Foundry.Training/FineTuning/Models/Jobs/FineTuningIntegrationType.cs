using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Kind of a fine-tuning job integration. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningIntegrationType : IEquatable<FineTuningIntegrationType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningIntegrationType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Weights and Biases. (<c>wandb</c>)</summary>
    public static FineTuningIntegrationType Wandb { get; } = new("wandb");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningIntegrationType left, FineTuningIntegrationType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningIntegrationType left, FineTuningIntegrationType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningIntegrationType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningIntegrationType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningIntegrationType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningIntegrationType>
    {
        protected override FineTuningIntegrationType Create(string value) => new(value);
    }
}
