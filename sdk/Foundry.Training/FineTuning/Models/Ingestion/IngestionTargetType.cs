using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>The kind of index an ingestion job writes (<c>TargetType</c> in the spec): the discriminator of <see cref="IngestionTargetIndex"/>. An open set: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct IngestionTargetType : IEquatable<IngestionTargetType>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public IngestionTargetType(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>An Azure AI Search index. (<c>AzureAISearch</c>)</summary>
    public static IngestionTargetType AzureAISearch { get; } = new("AzureAISearch");

    /// <summary>An Azure Cosmos DB index. (<c>CosmosDB</c>)</summary>
    public static IngestionTargetType CosmosDB { get; } = new("CosmosDB");

    /// <summary>A Pinecone index. (<c>Pinecone</c>)</summary>
    public static IngestionTargetType Pinecone { get; } = new("Pinecone");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(IngestionTargetType left, IngestionTargetType right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(IngestionTargetType left, IngestionTargetType right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator IngestionTargetType(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is IngestionTargetType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(IngestionTargetType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<IngestionTargetType>
    {
        protected override IngestionTargetType Create(string value) => new(value);
    }
}
