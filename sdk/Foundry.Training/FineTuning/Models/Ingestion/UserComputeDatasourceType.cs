using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The kind of data a user-compute ingestion job reads: the discriminator of <see cref="UserComputeDatasource"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct UserComputeDatasourceType : IEquatable<UserComputeDatasourceType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public UserComputeDatasourceType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A workspace dataset. (<c>Dataset</c>)</summary>
    public static UserComputeDatasourceType Dataset { get; } = new("Dataset");

    /// <summary>Web pages crawled from URLs. (<c>Urls</c>)</summary>
    public static UserComputeDatasourceType Urls { get; } = new("Urls");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(UserComputeDatasourceType left, UserComputeDatasourceType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(UserComputeDatasourceType left, UserComputeDatasourceType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator UserComputeDatasourceType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is UserComputeDatasourceType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(UserComputeDatasourceType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<UserComputeDatasourceType>
    {
        protected override UserComputeDatasourceType Create(string value) => new(value);
    }
}
