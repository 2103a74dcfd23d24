using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Comparison performed by a <see cref="StringCheckGrader"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct StringCheckOperation : IEquatable<StringCheckOperation>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public StringCheckOperation(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Equal. (<c>eq</c>)</summary>
    public static StringCheckOperation Equal { get; } = new("eq");

    /// <summary>Not equal. (<c>ne</c>)</summary>
    public static StringCheckOperation NotEqual { get; } = new("ne");

    /// <summary>Pattern match, case-sensitive. (<c>like</c>)</summary>
    public static StringCheckOperation Like { get; } = new("like");

    /// <summary>Pattern match, case-insensitive. (<c>ilike</c>)</summary>
    public static StringCheckOperation ILike { get; } = new("ilike");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(StringCheckOperation left, StringCheckOperation right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(StringCheckOperation left, StringCheckOperation right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator StringCheckOperation(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is StringCheckOperation other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(StringCheckOperation other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<StringCheckOperation>
    {
        protected override StringCheckOperation Create(string value) => new(value);
    }
}
