using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A compute the user created in the workspace (<c>kind</c> <c>CustomCompute</c>).</summary>
public sealed class CustomCompute : IngestionJobCompute, IJsonModel<CustomCompute>
{
    /// <summary>The id of the compute. Required by the service.</summary>
    [JsonPropertyName("computeId")]
    public string? ComputeId { get; set; }

    private protected override string KindValue => "CustomCompute";

    void IJsonModel<CustomCompute>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    CustomCompute? IJsonModel<CustomCompute>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<CustomCompute>(ref reader, options);

    BinaryData IPersistableModel<CustomCompute>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    CustomCompute? IPersistableModel<CustomCompute>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<CustomCompute>(data, options);

    string IPersistableModel<CustomCompute>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
