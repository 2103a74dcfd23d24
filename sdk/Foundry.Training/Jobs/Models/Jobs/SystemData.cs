using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Metadata about the creation and last modification of a resource, set by the service.</summary>
public sealed class SystemData : ExtensibleModel<SystemData>
{
    [JsonConstructor]
    internal SystemData()
    {
    }

    /// <summary>The identity that created the resource.</summary>
    [JsonInclude]
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; internal set; }

    /// <summary>The type of identity that created the resource.</summary>
    [JsonInclude]
    [JsonPropertyName("created_by_type")]
    public string? CreatedByType { get; internal set; }

    /// <summary>When the resource was created (unix seconds on the wire).</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonInclude]
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The identity that last modified the resource.</summary>
    [JsonInclude]
    [JsonPropertyName("last_modified_by")]
    public string? LastModifiedBy { get; internal set; }

    /// <summary>The type of identity that last modified the resource.</summary>
    [JsonInclude]
    [JsonPropertyName("last_modified_by_type")]
    public string? LastModifiedByType { get; internal set; }

    /// <summary>When the resource was last modified (unix seconds on the wire).</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonInclude]
    [JsonPropertyName("last_modified_at")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? LastModifiedAt { get; internal set; }
}
