using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What a webhook event reports (the <c>type</c> discriminator). An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningWebhookEventType : IEquatable<FineTuningWebhookEventType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningWebhookEventType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary><see cref="FineTuningJobSucceededEvent"/>. (<c>fine_tuning.job.succeeded</c>)</summary>
    public static FineTuningWebhookEventType FineTuningJobSucceeded { get; } = new("fine_tuning.job.succeeded");

    /// <summary><see cref="FineTuningJobFailedEvent"/>. (<c>fine_tuning.job.failed</c>)</summary>
    public static FineTuningWebhookEventType FineTuningJobFailed { get; } = new("fine_tuning.job.failed");

    /// <summary><see cref="FineTuningJobCancelledEvent"/>. (<c>fine_tuning.job.cancelled</c>)</summary>
    public static FineTuningWebhookEventType FineTuningJobCancelled { get; } = new("fine_tuning.job.cancelled");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningWebhookEventType left, FineTuningWebhookEventType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningWebhookEventType left, FineTuningWebhookEventType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningWebhookEventType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningWebhookEventType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningWebhookEventType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningWebhookEventType>
    {
        protected override FineTuningWebhookEventType Create(string value) => new(value);
    }
}
