using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A reward whose <c>kind</c> this version of the SDK does not know (or that has none). Its discriminator and every
/// property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownTrainingRewardConfiguration : TrainingRewardConfiguration, IJsonModel<UnknownTrainingRewardConfiguration>
{
    [JsonConstructor]
    internal UnknownTrainingRewardConfiguration()
    {
    }

    private protected override TrainingRewardKind? KindValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "kind") is string value ? new TrainingRewardKind(value) : default(TrainingRewardKind?);

    void IJsonModel<UnknownTrainingRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownTrainingRewardConfiguration? IJsonModel<UnknownTrainingRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownTrainingRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<UnknownTrainingRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownTrainingRewardConfiguration? IPersistableModel<UnknownTrainingRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownTrainingRewardConfiguration>(data, options);

    string IPersistableModel<UnknownTrainingRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
