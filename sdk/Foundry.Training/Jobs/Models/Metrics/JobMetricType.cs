using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>The kind of metric emitted by a job. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct JobMetricType : IEquatable<JobMetricType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JobMetricType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Scalar metric values. (<c>scalar</c>)</summary>
    public static JobMetricType Scalar { get; } = new("scalar");

    /// <summary>Table metric values. (<c>table</c>)</summary>
    public static JobMetricType Table { get; } = new("table");

    /// <summary>Image metric values. (<c>image</c>)</summary>
    public static JobMetricType Image { get; } = new("image");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(JobMetricType left, JobMetricType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(JobMetricType left, JobMetricType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator JobMetricType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JobMetricType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(JobMetricType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<JobMetricType>
    {
        protected override JobMetricType Create(string value) => new(value);
    }
}
