using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>State of a fine-tuning job (and the status of a model). An open set: values the SDK does not know yet are kept as they are, and no value is ever normalized (<c>cancelled</c> and <c>canceled</c> are different values).</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningState : IEquatable<FineTuningState>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningState(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Created; Azure OpenAI lists it for compatibility only. (<c>created</c>)</summary>
    public static FineTuningState Created { get; } = new("created");

    /// <summary>Waiting to be queued (Azure OpenAI). (<c>pending</c>)</summary>
    public static FineTuningState Pending { get; } = new("pending");

    /// <summary>The training and validation files are being validated (OpenAI platform). (<c>validating_files</c>)</summary>
    public static FineTuningState ValidatingFiles { get; } = new("validating_files");

    /// <summary>Queued behind other jobs (OpenAI platform). (<c>queued</c>)</summary>
    public static FineTuningState Queued { get; } = new("queued");

    /// <summary>Training. (<c>running</c>)</summary>
    public static FineTuningState Running { get; } = new("running");

    /// <summary>Paused by the user (OpenAI platform). (<c>paused</c>)</summary>
    public static FineTuningState Paused { get; } = new("paused");

    /// <summary>Finished successfully; terminal. (<c>succeeded</c>)</summary>
    public static FineTuningState Succeeded { get; } = new("succeeded");

    /// <summary>Finished with a failure; terminal. (<c>failed</c>)</summary>
    public static FineTuningState Failed { get; } = new("failed");

    /// <summary>Cancelled, as both services spell it; terminal. (<c>cancelled</c>)</summary>
    public static FineTuningState Cancelled { get; } = new("cancelled");

    /// <summary>Canceled, the single-l spelling some services use; terminal. (<c>canceled</c>)</summary>
    public static FineTuningState Canceled { get; } = new("canceled");

    /// <summary>
    /// Whether the job will not change any more: <see cref="Succeeded"/>, <see cref="Failed"/>, <see cref="Cancelled"/>
    /// or <see cref="Canceled"/>, in any letter case (<c>Succeeded</c> ends a wait as <c>succeeded</c> does). A value
    /// this SDK does not know is not terminal.
    /// </summary>
    public bool IsTerminal => Matches(Succeeded) || Matches(Failed) || Matches(Cancelled) || Matches(Canceled);

    /// <summary>Whether this value is <paramref name="known"/> in any letter case, as pollers compare (<see cref="StatusText"/>).</summary>
    internal bool Matches(FineTuningState known) => StatusText.Is(_value, known._value);

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningState left, FineTuningState right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningState left, FineTuningState right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningState(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningState other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningState other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningState>
    {
        protected override FineTuningState Create(string value) => new(value);
    }
}
