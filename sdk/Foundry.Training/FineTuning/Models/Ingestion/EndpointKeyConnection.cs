using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A resource reached with an endpoint and a key (<c>kind</c> <c>EndpointWithKey</c>).</summary>
public sealed class EndpointKeyConnection : IngestionConnection, IJsonModel<EndpointKeyConnection>
{
    /// <summary>The endpoint of the resource. Required by the service.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; set; }

    /// <summary>The key of the resource: a secret, never logged by the SDK. Required by the service.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    private protected override string KindValue => "EndpointWithKey";

    void IJsonModel<EndpointKeyConnection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    EndpointKeyConnection? IJsonModel<EndpointKeyConnection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<EndpointKeyConnection>(ref reader, options);

    BinaryData IPersistableModel<EndpointKeyConnection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    EndpointKeyConnection? IPersistableModel<EndpointKeyConnection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<EndpointKeyConnection>(data, options);

    string IPersistableModel<EndpointKeyConnection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
