using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Role of a grader input message. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct GraderMessageRole : IEquatable<GraderMessageRole>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GraderMessageRole(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The user. (<c>user</c>)</summary>
    public static GraderMessageRole User { get; } = new("user");

    /// <summary>The assistant (the model). (<c>assistant</c>)</summary>
    public static GraderMessageRole Assistant { get; } = new("assistant");

    /// <summary>System instructions. (<c>system</c>)</summary>
    public static GraderMessageRole System { get; } = new("system");

    /// <summary>Developer instructions. (<c>developer</c>)</summary>
    public static GraderMessageRole Developer { get; } = new("developer");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(GraderMessageRole left, GraderMessageRole right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(GraderMessageRole left, GraderMessageRole right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator GraderMessageRole(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is GraderMessageRole other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(GraderMessageRole other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<GraderMessageRole>
    {
        protected override GraderMessageRole Create(string value) => new(value);
    }
}
