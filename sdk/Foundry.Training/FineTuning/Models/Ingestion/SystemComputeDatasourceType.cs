using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The kind of data a system-compute ingestion job reads: the discriminator of <see cref="SystemComputeDatasource"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SystemComputeDatasourceType : IEquatable<SystemComputeDatasourceType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SystemComputeDatasourceType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>An Azure Storage container. (<c>Storage</c>)</summary>
    public static SystemComputeDatasourceType Storage { get; } = new("Storage");

    /// <summary>Web pages crawled from URLs. (<c>Urls</c>)</summary>
    public static SystemComputeDatasourceType Urls { get; } = new("Urls");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(SystemComputeDatasourceType left, SystemComputeDatasourceType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(SystemComputeDatasourceType left, SystemComputeDatasourceType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator SystemComputeDatasourceType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is SystemComputeDatasourceType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(SystemComputeDatasourceType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<SystemComputeDatasourceType>
    {
        protected override SystemComputeDatasourceType Create(string value) => new(value);
    }
}
