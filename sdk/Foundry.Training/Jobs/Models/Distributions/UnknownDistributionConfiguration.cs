using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A distribution configuration whose <c>distribution_type</c> this version of the SDK does not know (or that has none).
/// Its discriminator and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownDistributionConfiguration : DistributionConfiguration, IJsonModel<UnknownDistributionConfiguration>
{
    [JsonConstructor]
    internal UnknownDistributionConfiguration()
    {
    }

    private protected override string? DistributionTypeValue => UnknownDiscriminator.Read(AdditionalProperties, "distribution_type");

    void IJsonModel<UnknownDistributionConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownDistributionConfiguration? IJsonModel<UnknownDistributionConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownDistributionConfiguration>(ref reader, options);

    BinaryData IPersistableModel<UnknownDistributionConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownDistributionConfiguration? IPersistableModel<UnknownDistributionConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownDistributionConfiguration>(data, options);

    string IPersistableModel<UnknownDistributionConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
