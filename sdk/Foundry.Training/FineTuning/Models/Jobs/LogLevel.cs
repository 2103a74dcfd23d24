using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Severity of a fine-tuning job event. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct LogLevel : IEquatable<LogLevel>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LogLevel(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Information only. (<c>info</c>)</summary>
    public static LogLevel Info { get; } = new("info");

    /// <summary>A mitigated issue, as Azure OpenAI spells it. (<c>warning</c>)</summary>
    public static LogLevel Warning { get; } = new("warning");

    /// <summary>A mitigated issue, as the OpenAI platform spells it. (<c>warn</c>)</summary>
    public static LogLevel Warn { get; } = new("warn");

    /// <summary>A non recoverable issue. (<c>error</c>)</summary>
    public static LogLevel Error { get; } = new("error");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(LogLevel left, LogLevel right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(LogLevel left, LogLevel right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator LogLevel(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is LogLevel other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(LogLevel other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<LogLevel>
    {
        protected override LogLevel Create(string value) => new(value);
    }
}
