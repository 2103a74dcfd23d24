using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>TensorFlow distribution configuration (<c>distribution_type</c> <c>tensorflow</c>).</summary>
public sealed class TensorFlowDistribution : DistributionConfiguration, IJsonModel<TensorFlowDistribution>
{
    /// <summary>Number of workers. If not specified, the service uses the instance count.</summary>
    [JsonPropertyName("worker_count")]
    public int? WorkerCount { get; set; }

    /// <summary>Number of parameter server tasks.</summary>
    [JsonPropertyName("parameter_server_count")]
    public int? ParameterServerCount { get; set; }

    private protected override string DistributionTypeValue => "tensorflow";

    void IJsonModel<TensorFlowDistribution>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TensorFlowDistribution? IJsonModel<TensorFlowDistribution>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TensorFlowDistribution>(ref reader, options);

    BinaryData IPersistableModel<TensorFlowDistribution>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TensorFlowDistribution? IPersistableModel<TensorFlowDistribution>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TensorFlowDistribution>(data, options);

    string IPersistableModel<TensorFlowDistribution>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
