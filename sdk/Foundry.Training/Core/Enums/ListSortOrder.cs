using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training;

/// <summary>Sort order of a list by creation time. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ListSortOrder : IEquatable<ListSortOrder>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ListSortOrder(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Oldest first. (<c>asc</c>)</summary>
    public static ListSortOrder Ascending { get; } = new("asc");

    /// <summary>Newest first. (<c>desc</c>)</summary>
    public static ListSortOrder Descending { get; } = new("desc");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(ListSortOrder left, ListSortOrder right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(ListSortOrder left, ListSortOrder right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator ListSortOrder(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ListSortOrder other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(ListSortOrder other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<ListSortOrder>
    {
        protected override ListSortOrder Create(string value) => new(value);
    }
}
