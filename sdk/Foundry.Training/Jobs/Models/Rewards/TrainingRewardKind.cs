using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Reward or judge signal kind. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingRewardKind : IEquatable<TrainingRewardKind>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingRewardKind(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Learned reward model judge. (<c>model</c>)</summary>
    public static TrainingRewardKind Model { get; } = new("model");

    /// <summary>Python callable judge. (<c>function</c>)</summary>
    public static TrainingRewardKind Function { get; } = new("function");

    /// <summary>Inline Python callable judge. (<c>inline_function</c>)</summary>
    public static TrainingRewardKind InlineFunction { get; } = new("inline_function");

    /// <summary>Built-in reward or verifier judge. (<c>builtin</c>)</summary>
    public static TrainingRewardKind Builtin { get; } = new("builtin");

    /// <summary>Foundry evaluator judge. (<c>evaluator</c>)</summary>
    public static TrainingRewardKind Evaluator { get; } = new("evaluator");

    /// <summary>Model deployment judge. (<c>deployment</c>)</summary>
    public static TrainingRewardKind Deployment { get; } = new("deployment");

    /// <summary>Composite judge. (<c>composite</c>)</summary>
    public static TrainingRewardKind Composite { get; } = new("composite");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingRewardKind left, TrainingRewardKind right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingRewardKind left, TrainingRewardKind right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingRewardKind(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingRewardKind other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingRewardKind other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingRewardKind>
    {
        protected override TrainingRewardKind Create(string value) => new(value);
    }
}
