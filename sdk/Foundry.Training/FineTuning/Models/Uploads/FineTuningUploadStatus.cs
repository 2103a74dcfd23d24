using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The state of an upload (Uploads API, OpenAI platform). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningUploadStatus : IEquatable<FineTuningUploadStatus>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningUploadStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Accepting parts. (<c>pending</c>)</summary>
    public static FineTuningUploadStatus Pending { get; } = new("pending");

    /// <summary>Completed: the upload's <c>file</c> is a usable file; terminal. (<c>completed</c>)</summary>
    public static FineTuningUploadStatus Completed { get; } = new("completed");

    /// <summary>Cancelled; terminal. (<c>cancelled</c>)</summary>
    public static FineTuningUploadStatus Cancelled { get; } = new("cancelled");

    /// <summary>Not completed within its lifetime (an hour); terminal. (<c>expired</c>)</summary>
    public static FineTuningUploadStatus Expired { get; } = new("expired");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningUploadStatus left, FineTuningUploadStatus right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningUploadStatus left, FineTuningUploadStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningUploadStatus(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningUploadStatus other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningUploadStatus other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningUploadStatus>
    {
        protected override FineTuningUploadStatus Create(string value) => new(value);
    }
}
