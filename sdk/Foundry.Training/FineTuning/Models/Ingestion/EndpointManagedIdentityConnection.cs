using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A resource reached at an endpoint with the Azure OpenAI resource's managed identity
/// (<c>kind</c> <c>EndpointWithManagedIdentity</c>; <c>EndpointMIConnection</c> in the spec).
/// </summary>
public sealed class EndpointManagedIdentityConnection : IngestionConnection, IJsonModel<EndpointManagedIdentityConnection>
{
    /// <summary>The endpoint of the resource. Required by the service.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; set; }

    /// <summary>The Azure resource id of the resource.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    private protected override string KindValue => "EndpointWithManagedIdentity";

    void IJsonModel<EndpointManagedIdentityConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    EndpointManagedIdentityConnection? IJsonModel<EndpointManagedIdentityConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<EndpointManagedIdentityConnection>(ref reader, options);

    BinaryData IPersistableModel<EndpointManagedIdentityConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    EndpointManagedIdentityConnection? IPersistableModel<EndpointManagedIdentityConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<EndpointManagedIdentityConnection>(data, options);

    string IPersistableModel<EndpointManagedIdentityConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
