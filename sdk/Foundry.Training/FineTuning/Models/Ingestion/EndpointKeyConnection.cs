using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A resource reached with an endpoint and a key (<c>kind</c> <c>EndpointWithKey</c>).</summary>
public sealed class EndpointKeyConnection : IngestionConnection
{
    /// <summary>The endpoint of the resource. Required by the service.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; set; }

    /// <summary>The key of the resource: a secret, never logged by the SDK. Required by the service.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    private protected override string KindValue => "EndpointWithKey";
}
