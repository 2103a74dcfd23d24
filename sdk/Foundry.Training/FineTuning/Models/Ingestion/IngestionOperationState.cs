using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The state of an ingestion job run or of one of its stages (<c>OperationState</c> in the spec). Values are compared case-sensitively as sent; the service has been seen to send both <c>running</c> and <c>Running</c>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionOperationState : IEquatable<IngestionOperationState>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionOperationState(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Not yet queued to be processed. (<c>notRunning</c>)</summary>
    public static IngestionOperationState NotRunning { get; } = new("notRunning");

    /// <summary>Being processed. (<c>running</c>)</summary>
    public static IngestionOperationState Running { get; } = new("running");

    /// <summary>Processed successfully; the result is ready. (<c>succeeded</c>)</summary>
    public static IngestionOperationState Succeeded { get; } = new("succeeded");

    /// <summary>Processing failed; the result cannot be used. (<c>failed</c>)</summary>
    public static IngestionOperationState Failed { get; } = new("failed");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionOperationState left, IngestionOperationState right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionOperationState left, IngestionOperationState right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionOperationState(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionOperationState other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionOperationState other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionOperationState>
    {
        protected override IngestionOperationState Create(string value) => new(value);
    }
}
