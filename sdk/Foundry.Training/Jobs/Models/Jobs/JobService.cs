using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A job endpoint definition.</summary>
public sealed class JobService : ExtensibleModel<JobService>
{
    private IDictionary<string, JsonNode?>? _properties;

    /// <summary>The endpoint type.</summary>
    [JsonPropertyName("job_service_type")]
    public JobServiceType? JobServiceType { get; set; }

    /// <summary>The port of the endpoint.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The URL of the endpoint.</summary>
    /// <remarks>A value that is not a URI <see cref="Uri"/> accepts (a host with a comma, say) reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("endpoint")]
    public Uri? Endpoint { get; set; }

    /// <summary>Additional properties to set on the endpoint; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Properties => OnDemand.Dictionary(ref _properties);

    /// <summary>
    /// The nodes to start the service on (<see cref="AllNodes"/>). When not set the service is only started on the leader node.
    /// </summary>
    [JsonPropertyName("nodes")]
    public NodeCollection? Nodes { get; set; }

    /// <summary>The status of the endpoint, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("status")]
    public string? Status { get; internal set; }

    /// <summary>Any error in the service, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; internal set; }

    [JsonInclude]
    [JsonPropertyName("properties")]
    internal IDictionary<string, JsonNode?>? PropertiesJson
    {
        get => OnDemand.ForWriting(_properties);
        set => _properties = value;
    }
}
