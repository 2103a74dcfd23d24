using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Intended purpose of a file. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FilePurpose : IEquatable<FilePurpose>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FilePurpose(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Training or validation data for fine-tuning. (<c>fine-tune</c>)</summary>
    public static FilePurpose FineTune { get; } = new("fine-tune");

    /// <summary>Results of a fine-tuning job (written by the service). (<c>fine-tune-results</c>)</summary>
    public static FilePurpose FineTuneResults { get; } = new("fine-tune-results");

    /// <summary>Data for assistants. (<c>assistants</c>)</summary>
    public static FilePurpose Assistants { get; } = new("assistants");

    /// <summary>Results of an assistant. (<c>assistants_output</c>)</summary>
    public static FilePurpose AssistantsOutput { get; } = new("assistants_output");

    /// <summary>Input of the Batch API (OpenAI platform). (<c>batch</c>)</summary>
    public static FilePurpose Batch { get; } = new("batch");

    /// <summary>Output of the Batch API (OpenAI platform). (<c>batch_output</c>)</summary>
    public static FilePurpose BatchOutput { get; } = new("batch_output");

    /// <summary>Images for vision fine-tuning (OpenAI platform). (<c>vision</c>)</summary>
    public static FilePurpose Vision { get; } = new("vision");

    /// <summary>Flexible user data (OpenAI platform). (<c>user_data</c>)</summary>
    public static FilePurpose UserData { get; } = new("user_data");

    /// <summary>Evaluation data sets (OpenAI platform). (<c>evals</c>)</summary>
    public static FilePurpose Evals { get; } = new("evals");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FilePurpose left, FilePurpose right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FilePurpose left, FilePurpose right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FilePurpose(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FilePurpose other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FilePurpose other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FilePurpose>
    {
        protected override FilePurpose Create(string value) => new(value);
    }
}
