using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Training algorithm used by a declarative training job. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingAlgorithm : IEquatable<TrainingAlgorithm>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingAlgorithm(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Supervised fine tuning. (<c>sft</c>)</summary>
    public static TrainingAlgorithm Sft { get; } = new("sft");

    /// <summary>Direct preference optimization. (<c>dpo</c>)</summary>
    public static TrainingAlgorithm Dpo { get; } = new("dpo");

    /// <summary>Kahneman-Tversky optimization. (<c>kto</c>)</summary>
    public static TrainingAlgorithm Kto { get; } = new("kto");

    /// <summary>Odds ratio preference optimization. (<c>orpo</c>)</summary>
    public static TrainingAlgorithm Orpo { get; } = new("orpo");

    /// <summary>Contrastive preference optimization. (<c>cpo</c>)</summary>
    public static TrainingAlgorithm Cpo { get; } = new("cpo");

    /// <summary>Simple preference optimization. (<c>simpo</c>)</summary>
    public static TrainingAlgorithm SimPo { get; } = new("simpo");

    /// <summary>Group relative policy optimization. (<c>grpo</c>)</summary>
    public static TrainingAlgorithm Grpo { get; } = new("grpo");

    /// <summary>Proximal policy optimization. (<c>ppo</c>)</summary>
    public static TrainingAlgorithm Ppo { get; } = new("ppo");

    /// <summary>REINFORCE leave-one-out. (<c>rloo</c>)</summary>
    public static TrainingAlgorithm Rloo { get; } = new("rloo");

    /// <summary>REINFORCE++. (<c>reinforce_pp</c>)</summary>
    public static TrainingAlgorithm ReinforcePp { get; } = new("reinforce_pp");

    /// <summary>Reward model training. (<c>reward_model</c>)</summary>
    public static TrainingAlgorithm RewardModel { get; } = new("reward_model");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingAlgorithm left, TrainingAlgorithm right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingAlgorithm left, TrainingAlgorithm right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingAlgorithm(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingAlgorithm other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingAlgorithm other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingAlgorithm>
    {
        protected override TrainingAlgorithm Create(string value) => new(value);
    }
}
