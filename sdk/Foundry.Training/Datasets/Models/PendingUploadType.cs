using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>The kind of pending upload. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct PendingUploadType : IEquatable<PendingUploadType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PendingUploadType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>No pending upload. (<c>None</c>)</summary>
    public static PendingUploadType None { get; } = new("None");

    /// <summary>An upload into a blob container (the only kind the service supports). (<c>BlobReference</c>)</summary>
    public static PendingUploadType BlobReference { get; } = new("BlobReference");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(PendingUploadType left, PendingUploadType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(PendingUploadType left, PendingUploadType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator PendingUploadType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is PendingUploadType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(PendingUploadType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<PendingUploadType>
    {
        protected override PendingUploadType Create(string value) => new(value);
    }
}
