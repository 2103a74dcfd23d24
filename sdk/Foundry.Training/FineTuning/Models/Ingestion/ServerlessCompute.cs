using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Serverless compute for a user-compute ingestion job (<c>kind</c> <c>ServerlessCompute</c>).</summary>
public sealed class ServerlessCompute : IngestionJobCompute, IJsonModel<ServerlessCompute>
{
    /// <summary>The SKU level.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; set; }

    /// <summary>The number of instances to run the job on.</summary>
    [JsonPropertyName("instanceCount")]
    public int? InstanceCount { get; set; }

    private protected override string KindValue => "ServerlessCompute";

    void IJsonModel<ServerlessCompute>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    ServerlessCompute? IJsonModel<ServerlessCompute>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<ServerlessCompute>(ref reader, options);

    BinaryData IPersistableModel<ServerlessCompute>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    ServerlessCompute? IPersistableModel<ServerlessCompute>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<ServerlessCompute>(data, options);

    string IPersistableModel<ServerlessCompute>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
