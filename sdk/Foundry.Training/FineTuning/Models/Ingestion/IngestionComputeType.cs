using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The compute a user-compute ingestion job runs on (<c>ComputeType</c> in the spec): the discriminator of <see cref="IngestionJobCompute"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionComputeType : IEquatable<IngestionComputeType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionComputeType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Serverless user compute. (<c>ServerlessCompute</c>)</summary>
    public static IngestionComputeType ServerlessCompute { get; } = new("ServerlessCompute");

    /// <summary>A compute the user created in the workspace. (<c>CustomCompute</c>)</summary>
    public static IngestionComputeType CustomCompute { get; } = new("CustomCompute");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionComputeType left, IngestionComputeType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionComputeType left, IngestionComputeType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionComputeType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionComputeType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionComputeType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionComputeType>
    {
        protected override IngestionComputeType Create(string value) => new(value);
    }
}
