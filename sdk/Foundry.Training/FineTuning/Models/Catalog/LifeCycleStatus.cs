using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Life cycle status of a model. A model can be promoted from preview to generally available, never back. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct LifeCycleStatus : IEquatable<LifeCycleStatus>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LifeCycleStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>In preview, covered by the service preview terms. (<c>preview</c>)</summary>
    public static LifeCycleStatus Preview { get; } = new("preview");

    /// <summary>Generally available. (<c>generally-available</c>)</summary>
    public static LifeCycleStatus GenerallyAvailable { get; } = new("generally-available");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(LifeCycleStatus left, LifeCycleStatus right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(LifeCycleStatus left, LifeCycleStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator LifeCycleStatus(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is LifeCycleStatus other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(LifeCycleStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<LifeCycleStatus>
    {
        protected override LifeCycleStatus Create(string value) => new(value);
    }
}
