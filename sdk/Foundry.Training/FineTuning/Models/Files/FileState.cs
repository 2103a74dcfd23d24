using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Processing state of a file. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FileState : IEquatable<FileState>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FileState(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Uploaded, not yet processed. (<c>uploaded</c>)</summary>
    public static FileState Uploaded { get; } = new("uploaded");

    /// <summary>Waiting to be processed. (<c>pending</c>)</summary>
    public static FileState Pending { get; } = new("pending");

    /// <summary>Being processed. (<c>running</c>)</summary>
    public static FileState Running { get; } = new("running");

    /// <summary>Processed and ready for use; terminal. (<c>processed</c>)</summary>
    public static FileState Processed { get; } = new("processed");

    /// <summary>Processing failed; terminal (see <c>status_details</c>). (<c>error</c>)</summary>
    public static FileState Error { get; } = new("error");

    /// <summary>Being deleted. (<c>deleting</c>)</summary>
    public static FileState Deleting { get; } = new("deleting");

    /// <summary>Deleted; terminal. (<c>deleted</c>)</summary>
    public static FileState Deleted { get; } = new("deleted");

    /// <summary>Whether this value is <paramref name="known"/> in any letter case, as pollers compare (<see cref="StatusText"/>).</summary>
    internal bool Matches(FileState known) => StatusText.Is(_value, known._value);

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FileState left, FileState right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FileState left, FileState right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FileState(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FileState other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FileState other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FileState>
    {
        protected override FileState Create(string value) => new(value);
    }
}
