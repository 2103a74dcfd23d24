using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>The kind of credential a pending upload hands out. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct PendingUploadCredentialType : IEquatable<PendingUploadCredentialType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PendingUploadCredentialType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A shared access signature URL. (<c>SAS</c>)</summary>
    public static PendingUploadCredentialType Sas { get; } = new("SAS");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(PendingUploadCredentialType left, PendingUploadCredentialType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(PendingUploadCredentialType left, PendingUploadCredentialType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator PendingUploadCredentialType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is PendingUploadCredentialType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(PendingUploadCredentialType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<PendingUploadCredentialType>
    {
        protected override PendingUploadCredentialType Create(string value) => new(value);
    }
}
