using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// What <see cref="ModelReaderWriter"/> creates to read the abstract base of a polymorphic family (named by the base's
/// <see cref="PersistableModelProxyAttribute"/>): reads any member, and a kind newer than the SDK as the family's
/// <c>Unknown*</c> type.
/// </summary>
/// <remarks>
/// The <c>Unknown*</c> types cannot serve: each implements <see cref="IJsonModel{T}"/> of itself, and the runtime
/// prefers that implementation, so one would read every document as unknown.
/// </remarks>
internal sealed class PolymorphicModelReader<TBase> : IJsonModel<TBase>
    where TBase : ExtensibleModel<TBase>
{
    public TBase? Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TBase>(ref reader, options);

    public TBase? Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TBase>(data, options);

    public string GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;

    void IJsonModel<TBase>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => throw NothingToWrite();

    BinaryData IPersistableModel<TBase>.Write(ModelReaderWriterOptions options) => throw NothingToWrite();

    private static InvalidOperationException NothingToWrite() =>
        new($"The reader of {typeof(TBase).Name} holds no model to write; write the model itself.");
}
