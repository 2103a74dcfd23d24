using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>MPI distribution configuration (<c>distribution_type</c> <c>mpi</c>).</summary>
public sealed class MpiDistribution : DistributionConfiguration, IJsonModel<MpiDistribution>
{
    /// <summary>Number of processes per MPI node.</summary>
    [JsonPropertyName("process_count_per_node")]
    public int? ProcessCountPerNode { get; set; }

    private protected override string DistributionTypeValue => "mpi";

    void IJsonModel<MpiDistribution>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    MpiDistribution? IJsonModel<MpiDistribution>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<MpiDistribution>(ref reader, options);

    BinaryData IPersistableModel<MpiDistribution>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    MpiDistribution? IPersistableModel<MpiDistribution>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<MpiDistribution>(data, options);

    string IPersistableModel<MpiDistribution>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
