using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Chat template used to format conversational training data. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ChatTemplate : IEquatable<ChatTemplate>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ChatTemplate(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>ChatML template. (<c>chatml</c>)</summary>
    public static ChatTemplate ChatML { get; } = new("chatml");

    /// <summary>Llama 3 chat template. (<c>llama_3</c>)</summary>
    public static ChatTemplate Llama3 { get; } = new("llama_3");

    /// <summary>Zephyr chat template. (<c>zephyr</c>)</summary>
    public static ChatTemplate Zephyr { get; } = new("zephyr");

    /// <summary>Gemma chat template. (<c>gemma</c>)</summary>
    public static ChatTemplate Gemma { get; } = new("gemma");

    /// <summary>Phi 3 chat template. (<c>phi_3</c>)</summary>
    public static ChatTemplate Phi3 { get; } = new("phi_3");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(ChatTemplate left, ChatTemplate right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(ChatTemplate left, ChatTemplate right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator ChatTemplate(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ChatTemplate other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(ChatTemplate other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<ChatTemplate>
    {
        protected override ChatTemplate Create(string value) => new(value);
    }
}
