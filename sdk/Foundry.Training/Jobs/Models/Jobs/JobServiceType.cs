using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Job service endpoint type. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct JobServiceType : IEquatable<JobServiceType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JobServiceType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Studio endpoint. (<c>studio</c>)</summary>
    public static JobServiceType Studio { get; } = new("studio");

    /// <summary>Experiment tracking endpoint. (<c>tracking</c>)</summary>
    public static JobServiceType Tracking { get; } = new("tracking");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(JobServiceType left, JobServiceType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(JobServiceType left, JobServiceType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator JobServiceType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JobServiceType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(JobServiceType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<JobServiceType>
    {
        protected override JobServiceType Create(string value) => new(value);
    }
}
