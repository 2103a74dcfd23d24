using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What an ingestion job does with its intermediate assets when it completes (<c>CompletionAction</c> in the spec). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionJobCompletionAction : IEquatable<IngestionJobCompletionAction>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionJobCompletionAction(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Delete the intermediate assets created during ingestion. (<c>cleanUpTempAssets</c>)</summary>
    public static IngestionJobCompletionAction CleanUpTempAssets { get; } = new("cleanUpTempAssets");

    /// <summary>Keep every intermediate asset created during ingestion. (<c>keepAllAssets</c>)</summary>
    public static IngestionJobCompletionAction KeepAllAssets { get; } = new("keepAllAssets");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionJobCompletionAction left, IngestionJobCompletionAction right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionJobCompletionAction left, IngestionJobCompletionAction right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionJobCompletionAction(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionJobCompletionAction other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionJobCompletionAction other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionJobCompletionAction>
    {
        protected override IngestionJobCompletionAction Create(string value) => new(value);
    }
}
