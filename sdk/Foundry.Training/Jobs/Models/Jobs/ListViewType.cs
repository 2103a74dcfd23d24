using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Which jobs a list includes, by lifecycle state. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ListViewType : IEquatable<ListViewType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ListViewType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Only active (non-archived) jobs. (<c>active_only</c>)</summary>
    public static ListViewType ActiveOnly { get; } = new("active_only");

    /// <summary>Only archived jobs. (<c>archived_only</c>)</summary>
    public static ListViewType ArchivedOnly { get; } = new("archived_only");

    /// <summary>All jobs regardless of archived state. (<c>all</c>)</summary>
    public static ListViewType All { get; } = new("all");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(ListViewType left, ListViewType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(ListViewType left, ListViewType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator ListViewType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ListViewType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(ListViewType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<ListViewType>
    {
        protected override ListViewType Create(string value) => new(value);
    }
}
