using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Training framework used to lower a declarative training job into an execution command. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingFramework : IEquatable<TrainingFramework>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingFramework(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>TRL framework. (<c>trl</c>)</summary>
    public static TrainingFramework Trl { get; } = new("trl");

    /// <summary>VERL framework. (<c>verl</c>)</summary>
    public static TrainingFramework Verl { get; } = new("verl");

    /// <summary>OpenRLHF framework. (<c>open_rlhf</c>)</summary>
    public static TrainingFramework OpenRlhf { get; } = new("open_rlhf");

    /// <summary>NeMo RL framework. (<c>nemo_rl</c>)</summary>
    public static TrainingFramework NemoRl { get; } = new("nemo_rl");

    /// <summary>Slime framework. (<c>slime</c>)</summary>
    public static TrainingFramework Slime { get; } = new("slime");

    /// <summary>TorchForge framework. (<c>torch_forge</c>)</summary>
    public static TrainingFramework TorchForge { get; } = new("torch_forge");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingFramework left, TrainingFramework right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingFramework left, TrainingFramework right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingFramework(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingFramework other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingFramework other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingFramework>
    {
        protected override TrainingFramework Create(string value) => new(value);
    }
}
