using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>PyTorch distribution configuration (<c>distribution_type</c> <c>pytorch</c>).</summary>
public sealed class PyTorchDistribution : DistributionConfiguration, IJsonModel<PyTorchDistribution>
{
    /// <summary>Number of processes per node.</summary>
    [JsonPropertyName("process_count_per_instance")]
    public int? ProcessCountPerInstance { get; set; }

    private protected override string DistributionTypeValue => "pytorch";

    void IJsonModel<PyTorchDistribution>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    PyTorchDistribution? IJsonModel<PyTorchDistribution>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<PyTorchDistribution>(ref reader, options);

    BinaryData IPersistableModel<PyTorchDistribution>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    PyTorchDistribution? IPersistableModel<PyTorchDistribution>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<PyTorchDistribution>(data, options);

    string IPersistableModel<PyTorchDistribution>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
