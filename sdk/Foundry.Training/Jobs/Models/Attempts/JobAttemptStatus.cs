using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Status of a job execution attempt. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct JobAttemptStatus : IEquatable<JobAttemptStatus>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JobAttemptStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The attempt is queued. (<c>queued</c>)</summary>
    public static JobAttemptStatus Queued { get; } = new("queued");

    /// <summary>The attempt is running. (<c>running</c>)</summary>
    public static JobAttemptStatus Running { get; } = new("running");

    /// <summary>The attempt completed successfully. (<c>completed</c>)</summary>
    public static JobAttemptStatus Completed { get; } = new("completed");

    /// <summary>The attempt failed. (<c>failed</c>)</summary>
    public static JobAttemptStatus Failed { get; } = new("failed");

    /// <summary>The attempt was canceled. (<c>canceled</c>)</summary>
    public static JobAttemptStatus Canceled { get; } = new("canceled");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(JobAttemptStatus left, JobAttemptStatus right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(JobAttemptStatus left, JobAttemptStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator JobAttemptStatus(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JobAttemptStatus other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(JobAttemptStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<JobAttemptStatus>
    {
        protected override JobAttemptStatus Create(string value) => new(value);
    }
}
