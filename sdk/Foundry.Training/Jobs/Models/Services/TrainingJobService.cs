using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Service endpoint details for a training job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class TrainingJobService : ExtensibleModel<TrainingJobService>
{
    [JsonConstructor]
    internal TrainingJobService()
    {
    }

    /// <summary>Service type.</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public JobServiceType? Type { get; internal set; }

    /// <summary>Service port.</summary>
    [JsonPropertyName("port")]
    [JsonInclude]
    public int? Port { get; internal set; }

    /// <summary>Service status.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public string? Status { get; internal set; }

    /// <summary>Terminal error for the service, if any.</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Error { get; internal set; }

    /// <summary>Service endpoint URI.</summary>
    /// <remarks>A value that is not a URI <see cref="Uri"/> accepts (a host with a comma, say) reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("endpoint")]
    [JsonInclude]
    public Uri? Endpoint { get; internal set; }

    /// <summary>Additional service properties.</summary>
    [JsonPropertyName("properties")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Properties { get; internal set; }
}
