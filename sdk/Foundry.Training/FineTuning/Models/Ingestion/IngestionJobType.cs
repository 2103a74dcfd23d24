using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Where an ingestion job runs (<c>IngestionJobType</c> in the spec): the discriminator of <see cref="IngestionJob"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionJobType : IEquatable<IngestionJobType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionJobType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The job runs on resources the service owns. (<c>SystemCompute</c>)</summary>
    public static IngestionJobType SystemCompute { get; } = new("SystemCompute");

    /// <summary>The job runs in the user's Azure Machine Learning workspace. (<c>UserCompute</c>)</summary>
    public static IngestionJobType UserCompute { get; } = new("UserCompute");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionJobType left, IngestionJobType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionJobType left, IngestionJobType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionJobType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionJobType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionJobType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionJobType>
    {
        protected override IngestionJobType Create(string value) => new(value);
    }
}
