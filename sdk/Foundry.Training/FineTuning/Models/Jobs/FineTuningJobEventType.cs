using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Kind of a fine-tuning job event. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningJobEventType : IEquatable<FineTuningJobEventType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningJobEventType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A human readable message. (<c>message</c>)</summary>
    public static FineTuningJobEventType Message { get; } = new("message");

    /// <summary>Metrics, in the event's data. (<c>metrics</c>)</summary>
    public static FineTuningJobEventType Metrics { get; } = new("metrics");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningJobEventType left, FineTuningJobEventType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningJobEventType left, FineTuningJobEventType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningJobEventType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningJobEventType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningJobEventType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningJobEventType>
    {
        protected override FineTuningJobEventType Create(string value) => new(value);
    }
}
