using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A training recipe whose <c>algorithm</c> this version of the SDK does not know (or that has none). The common recipe
/// properties are typed; the discriminator and every other property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownTrainingConfiguration : TrainingConfiguration, IJsonModel<UnknownTrainingConfiguration>
{
    [JsonConstructor]
    internal UnknownTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "algorithm") is string value ? new TrainingAlgorithm(value) : default(TrainingAlgorithm?);

    void IJsonModel<UnknownTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownTrainingConfiguration? IJsonModel<UnknownTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<UnknownTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownTrainingConfiguration? IPersistableModel<UnknownTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownTrainingConfiguration>(data, options);

    string IPersistableModel<UnknownTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
