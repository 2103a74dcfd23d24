using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Type of a job artifact. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct JobArtifactType : IEquatable<JobArtifactType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JobArtifactType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A file artifact. (<c>file</c>)</summary>
    public static JobArtifactType File { get; } = new("file");

    /// <summary>A directory artifact. (<c>directory</c>)</summary>
    public static JobArtifactType Directory { get; } = new("directory");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(JobArtifactType left, JobArtifactType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(JobArtifactType left, JobArtifactType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator JobArtifactType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JobArtifactType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(JobArtifactType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<JobArtifactType>
    {
        protected override JobArtifactType Create(string value) => new(value);
    }
}
