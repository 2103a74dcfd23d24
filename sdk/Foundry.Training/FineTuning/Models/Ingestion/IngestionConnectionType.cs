using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>How an ingestion job connects to a resource (<c>ConnectionType</c> in the spec): the discriminator of <see cref="IngestionConnection"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionConnectionType : IEquatable<IngestionConnectionType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionConnectionType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>An endpoint and a key. (<c>EndpointWithKey</c>)</summary>
    public static IngestionConnectionType EndpointWithKey { get; } = new("EndpointWithKey");

    /// <summary>A connection string. (<c>ConnectionString</c>)</summary>
    public static IngestionConnectionType ConnectionString { get; } = new("ConnectionString");

    /// <summary>An endpoint reached with the resource's managed identity. (<c>EndpointWithManagedIdentity</c>)</summary>
    public static IngestionConnectionType EndpointWithManagedIdentity { get; } = new("EndpointWithManagedIdentity");

    /// <summary>A connection defined in an Azure Machine Learning workspace. (<c>WorkspaceConnection</c>)</summary>
    public static IngestionConnectionType WorkspaceConnection { get; } = new("WorkspaceConnection");

    /// <summary>A deployment of the Azure OpenAI resource running the job. (<c>RelativeConnection</c>)</summary>
    public static IngestionConnectionType RelativeConnection { get; } = new("RelativeConnection");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionConnectionType left, IngestionConnectionType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionConnectionType left, IngestionConnectionType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionConnectionType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionConnectionType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionConnectionType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionConnectionType>
    {
        protected override IngestionConnectionType Create(string value) => new(value);
    }
}
