using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.Jobs;

/// <summary>The service runs on all of the nodes of the job (<c>nodes_value_type</c> <c>all</c>).</summary>
public sealed class AllNodes : NodeCollection, IJsonModel<AllNodes>
{
    private protected override string NodesValueTypeValue => "all";

    void IJsonModel<AllNodes>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    AllNodes? IJsonModel<AllNodes>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<AllNodes>(ref reader, options);

    BinaryData IPersistableModel<AllNodes>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    AllNodes? IPersistableModel<AllNodes>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<AllNodes>(data, options);

    string IPersistableModel<AllNodes>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
