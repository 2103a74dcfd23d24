using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A resource reached at an endpoint with the Azure OpenAI resource's managed identity
/// (<c>kind</c> <c>EndpointWithManagedIdentity</c>; <c>EndpointMIConnection</c> in the spec).
/// </summary>
public sealed class EndpointManagedIdentityConnection : IngestionConnection
{
    /// <summary>The endpoint of the resource. Required by the service.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; set; }

    /// <summary>The Azure resource id of the resource.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    private protected override string KindValue => "EndpointWithManagedIdentity";
}
