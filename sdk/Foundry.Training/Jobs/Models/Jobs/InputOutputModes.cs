using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Input/output data delivery mode. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct InputOutputModes : IEquatable<InputOutputModes>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public InputOutputModes(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Read-only mount mode. (<c>read_only_mount</c>)</summary>
    public static InputOutputModes ReadOnlyMount { get; } = new("read_only_mount");

    /// <summary>Read-write mount mode. (<c>read_write_mount</c>)</summary>
    public static InputOutputModes ReadWriteMount { get; } = new("read_write_mount");

    /// <summary>Download mode. (<c>download</c>)</summary>
    public static InputOutputModes Download { get; } = new("download");

    /// <summary>Direct mode. (<c>direct</c>)</summary>
    public static InputOutputModes Direct { get; } = new("direct");

    /// <summary>Upload mode. (<c>upload</c>)</summary>
    public static InputOutputModes Upload { get; } = new("upload");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(InputOutputModes left, InputOutputModes right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(InputOutputModes left, InputOutputModes right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator InputOutputModes(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is InputOutputModes other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(InputOutputModes other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<InputOutputModes>
    {
        protected override InputOutputModes Create(string value) => new(value);
    }
}
