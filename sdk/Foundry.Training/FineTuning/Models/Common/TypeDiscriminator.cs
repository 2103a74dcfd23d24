using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The <c>object</c> type of a fine-tuning resource. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TypeDiscriminator : IEquatable<TypeDiscriminator>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TypeDiscriminator(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A list of other objects. (<c>list</c>)</summary>
    public static TypeDiscriminator List { get; } = new("list");

    /// <summary>A fine-tuning job. (<c>fine_tuning.job</c>)</summary>
    public static TypeDiscriminator FineTuningJob { get; } = new("fine_tuning.job");

    /// <summary>A file. (<c>file</c>)</summary>
    public static TypeDiscriminator File { get; } = new("file");

    /// <summary>An event of a fine-tuning job. (<c>fine_tuning.job.event</c>)</summary>
    public static TypeDiscriminator FineTuningJobEvent { get; } = new("fine_tuning.job.event");

    /// <summary>A checkpoint of a fine-tuning job. (<c>fine_tuning.job.checkpoint</c>)</summary>
    public static TypeDiscriminator FineTuningJobCheckpoint { get; } = new("fine_tuning.job.checkpoint");

    /// <summary>A base model or the result of a fine-tuning job. (<c>model</c>)</summary>
    public static TypeDiscriminator Model { get; } = new("model");

    /// <summary>An event pushed to a webhook endpoint. (<c>event</c>)</summary>
    public static TypeDiscriminator Event { get; } = new("event");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TypeDiscriminator left, TypeDiscriminator right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TypeDiscriminator left, TypeDiscriminator right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TypeDiscriminator(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TypeDiscriminator other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TypeDiscriminator other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TypeDiscriminator>
    {
        protected override TypeDiscriminator Create(string value) => new(value);
    }
}
