using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Type of a job input or output asset. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct AssetTypes : IEquatable<AssetTypes>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AssetTypes(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>URI file asset. (<c>uri_file</c>)</summary>
    public static AssetTypes UriFile { get; } = new("uri_file");

    /// <summary>URI folder asset. (<c>uri_folder</c>)</summary>
    public static AssetTypes UriFolder { get; } = new("uri_folder");

    /// <summary>Safetensors model asset. (<c>safetensors_model</c>)</summary>
    public static AssetTypes SafetensorsModel { get; } = new("safetensors_model");

    /// <summary>Literal value (inputs only). (<c>literal</c>)</summary>
    public static AssetTypes Literal { get; } = new("literal");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(AssetTypes left, AssetTypes right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(AssetTypes left, AssetTypes right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator AssetTypes(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is AssetTypes other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(AssetTypes other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<AssetTypes>
    {
        protected override AssetTypes Create(string value) => new(value);
    }
}
