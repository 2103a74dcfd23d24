using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Status of an asynchronous training job operation. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct JobOperationStatus : IEquatable<JobOperationStatus>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JobOperationStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Operation is being processed. (<c>in_progress</c>)</summary>
    public static JobOperationStatus InProgress { get; } = new("in_progress");

    /// <summary>Operation is deleting resources. (<c>deleting</c>)</summary>
    public static JobOperationStatus Deleting { get; } = new("deleting");

    /// <summary>Operation completed successfully. (<c>succeeded</c>)</summary>
    public static JobOperationStatus Succeeded { get; } = new("succeeded");

    /// <summary>Operation failed. (<c>failed</c>)</summary>
    public static JobOperationStatus Failed { get; } = new("failed");

    /// <summary>Operation was canceled. (<c>canceled</c>)</summary>
    public static JobOperationStatus Canceled { get; } = new("canceled");

    /// <summary>Whether this value is <paramref name="known"/> in any letter case, as pollers compare (<see cref="StatusText"/>).</summary>
    internal bool Matches(JobOperationStatus known) => StatusText.Is(_value, known._value);

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(JobOperationStatus left, JobOperationStatus right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(JobOperationStatus left, JobOperationStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator JobOperationStatus(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JobOperationStatus other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(JobOperationStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<JobOperationStatus>
    {
        protected override JobOperationStatus Create(string value) => new(value);
    }
}
