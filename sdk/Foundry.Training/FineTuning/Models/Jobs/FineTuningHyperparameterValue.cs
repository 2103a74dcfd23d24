using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A hyperparameter that is either <see cref="Auto"/> (the service chooses) or a number, as the services send it:
/// the JSON string <c>"auto"</c> or a JSON number (Azure OpenAI reports unset values as numbers such as <c>-1</c>).
/// Any other string the service sends is kept and written back unchanged.
/// </summary>
/// <remarks>Convert from <see cref="int"/> or <see cref="double"/> implicitly: <c>BatchSize = 8</c>. The default value is the number 0.</remarks>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningHyperparameterValue : IEquatable<FineTuningHyperparameterValue>
{
    private const string AutoText = "auto";

    private readonly string? _text;
    private readonly double _number;

    private FineTuningHyperparameterValue(string? text, double number)
    {
        _text = text;
        _number = number;
    }

    /// <summary>Let the service choose the value. (<c>"auto"</c>)</summary>
    public static FineTuningHyperparameterValue Auto { get; } = new(AutoText, 0);

    /// <summary>Whether this is <see cref="Auto"/>.</summary>
    public bool IsAuto => _text == AutoText;

    /// <summary>The number, or null when the value is a string (<see cref="Auto"/> or a value this SDK does not know).</summary>
    public double? Number => _text is null ? _number : null;

    /// <summary>A number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite (JSON has no such numbers).</exception>
    public static FineTuningHyperparameterValue FromNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A hyperparameter must be a finite number.");
        }

        return new FineTuningHyperparameterValue(null, value);
    }

    /// <summary>A string value as the service spells it (<c>"auto"</c>, or a value newer than this SDK).</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static FineTuningHyperparameterValue FromString(string value) =>
        new(value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>An integer value, such as a batch size or a number of epochs.</summary>
    public static implicit operator FineTuningHyperparameterValue(int value) => new(null, value);

    /// <summary>A number value, such as a learning rate multiplier.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static implicit operator FineTuningHyperparameterValue(double value) => FromNumber(value);

    /// <summary>Whether two values are the same (strings ordinal, numbers by value).</summary>
    public static bool operator ==(FineTuningHyperparameterValue left, FineTuningHyperparameterValue right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(FineTuningHyperparameterValue left, FineTuningHyperparameterValue right) => !left.Equals(right);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningHyperparameterValue other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningHyperparameterValue other) =>
        _text is null ? other._text is null && _number.Equals(other._number) : string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _text is null ? _number.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>The string value, or the number in invariant culture.</summary>
    public override string ToString() => _text ?? _number.ToString("R", CultureInfo.InvariantCulture);

    internal sealed class Converter : JsonConverter<FineTuningHyperparameterValue>
    {
        public override FineTuningHyperparameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.String => new FineTuningHyperparameterValue(reader.GetString()!, 0),
                JsonTokenType.Number => new FineTuningHyperparameterValue(null, FiniteDoubleConverter.ReadFinite(ref reader)),
                _ => throw new JsonException($"Expected \"auto\" or a number for a hyperparameter but found {reader.TokenType}."),
            };

        public override void Write(Utf8JsonWriter writer, FineTuningHyperparameterValue value, JsonSerializerOptions options)
        {
            if (value._text is not null)
            {
                writer.WriteStringValue(value._text);
            }
            else if (value._number == Math.Floor(value._number) && Math.Abs(value._number) < 9e15)
            {
                writer.WriteNumberValue((long)value._number); // integers stay integers on the wire: 4, not 4.0
            }
            else
            {
                writer.WriteNumberValue(value._number);
            }
        }
    }
}
