using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Datasets;

/// <summary>The kind of data a dataset version holds (<c>type</c>). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DatasetType : IEquatable<DatasetType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public DatasetType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>One file. (<c>uri_file</c>)</summary>
    public static DatasetType UriFile { get; } = new("uri_file");

    /// <summary>A folder of files. (<c>uri_folder</c>)</summary>
    public static DatasetType UriFolder { get; } = new("uri_folder");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(DatasetType left, DatasetType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(DatasetType left, DatasetType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator DatasetType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is DatasetType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(DatasetType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<DatasetType>
    {
        protected override DatasetType Create(string value) => new(value);
    }
}
