using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Inference engine used for rollout generation during online reinforcement learning. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingRolloutEngine : IEquatable<TrainingRolloutEngine>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingRolloutEngine(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>vLLM inference engine. (<c>vllm</c>)</summary>
    public static TrainingRolloutEngine Vllm { get; } = new("vllm");

    /// <summary>SGLang inference engine. (<c>sglang</c>)</summary>
    public static TrainingRolloutEngine SGLang { get; } = new("sglang");

    /// <summary>Hugging Face generate-based inference. (<c>hf</c>)</summary>
    public static TrainingRolloutEngine HF { get; } = new("hf");

    /// <summary>Megatron-Core native inference. (<c>megatron_inference</c>)</summary>
    public static TrainingRolloutEngine MegatronInference { get; } = new("megatron_inference");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingRolloutEngine left, TrainingRolloutEngine right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingRolloutEngine left, TrainingRolloutEngine right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingRolloutEngine(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingRolloutEngine other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingRolloutEngine other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingRolloutEngine>
    {
        protected override TrainingRolloutEngine Create(string value) => new(value);
    }
}
