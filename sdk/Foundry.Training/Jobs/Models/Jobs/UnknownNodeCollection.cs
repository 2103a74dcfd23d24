using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A node collection whose <c>nodes_value_type</c> this version of the SDK does not know (or that has none). Its
/// discriminator and every property are kept in <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownNodeCollection : NodeCollection, IJsonModel<UnknownNodeCollection>
{
    [JsonConstructor]
    internal UnknownNodeCollection()
    {
    }

    private protected override string? NodesValueTypeValue => UnknownDiscriminator.Read(AdditionalProperties, "nodes_value_type");

    void IJsonModel<UnknownNodeCollection>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownNodeCollection? IJsonModel<UnknownNodeCollection>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownNodeCollection>(ref reader, options);

    BinaryData IPersistableModel<UnknownNodeCollection>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownNodeCollection? IPersistableModel<UnknownNodeCollection>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownNodeCollection>(data, options);

    string IPersistableModel<UnknownNodeCollection>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
