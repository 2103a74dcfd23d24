using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Built-in evaluation benchmark. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TrainingEvalBenchmark : IEquatable<TrainingEvalBenchmark>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TrainingEvalBenchmark(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Grade School Math 8K benchmark. (<c>gsm8k</c>)</summary>
    public static TrainingEvalBenchmark Gsm8k { get; } = new("gsm8k");

    /// <summary>Massive Multitask Language Understanding benchmark. (<c>mmlu</c>)</summary>
    public static TrainingEvalBenchmark Mmlu { get; } = new("mmlu");

    /// <summary>Human-written code generation benchmark. (<c>humaneval</c>)</summary>
    public static TrainingEvalBenchmark HumanEval { get; } = new("humaneval");

    /// <summary>Mostly Basic Python Programs benchmark. (<c>mbpp</c>)</summary>
    public static TrainingEvalBenchmark Mbpp { get; } = new("mbpp");

    /// <summary>AI2 Reasoning Challenge benchmark. (<c>arc</c>)</summary>
    public static TrainingEvalBenchmark Arc { get; } = new("arc");

    /// <summary>HellaSwag commonsense inference benchmark. (<c>hellaswag</c>)</summary>
    public static TrainingEvalBenchmark HellaSwag { get; } = new("hellaswag");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(TrainingEvalBenchmark left, TrainingEvalBenchmark right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TrainingEvalBenchmark left, TrainingEvalBenchmark right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator TrainingEvalBenchmark(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TrainingEvalBenchmark other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(TrainingEvalBenchmark other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<TrainingEvalBenchmark>
    {
        protected override TrainingEvalBenchmark Create(string value) => new(value);
    }
}
