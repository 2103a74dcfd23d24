using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Level of reasoning effort, for reinforcement fine-tuning and score-model graders. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ReasoningEffort : IEquatable<ReasoningEffort>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ReasoningEffort(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The model's default (reinforcement hyperparameters). (<c>default</c>)</summary>
    public static ReasoningEffort Default { get; } = new("default");

    /// <summary>No reasoning. (<c>none</c>)</summary>
    public static ReasoningEffort None { get; } = new("none");

    /// <summary>Minimal reasoning. (<c>minimal</c>)</summary>
    public static ReasoningEffort Minimal { get; } = new("minimal");

    /// <summary>Low reasoning effort. (<c>low</c>)</summary>
    public static ReasoningEffort Low { get; } = new("low");

    /// <summary>Medium reasoning effort. (<c>medium</c>)</summary>
    public static ReasoningEffort Medium { get; } = new("medium");

    /// <summary>High reasoning effort. (<c>high</c>)</summary>
    public static ReasoningEffort High { get; } = new("high");

    /// <summary>Extra high reasoning effort. (<c>xhigh</c>)</summary>
    public static ReasoningEffort ExtraHigh { get; } = new("xhigh");

    /// <summary>Maximum reasoning effort. (<c>max</c>)</summary>
    public static ReasoningEffort Max { get; } = new("max");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(ReasoningEffort left, ReasoningEffort right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(ReasoningEffort left, ReasoningEffort right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator ReasoningEffort(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ReasoningEffort other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(ReasoningEffort other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<ReasoningEffort>
    {
        protected override ReasoningEffort Create(string value) => new(value);
    }
}
