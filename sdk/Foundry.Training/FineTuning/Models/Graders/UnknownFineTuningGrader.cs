using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A grader whose <c>type</c> this version of the SDK does not know. Its type and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownFineTuningGrader : FineTuningGrader, IJsonModel<UnknownFineTuningGrader>
{
    private protected override FineTuningGraderType? TypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "type") is string type ? new FineTuningGraderType(type) : (FineTuningGraderType?)null;

    void IJsonModel<UnknownFineTuningGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    UnknownFineTuningGrader? IJsonModel<UnknownFineTuningGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownFineTuningGrader>(ref reader, options);

    BinaryData IPersistableModel<UnknownFineTuningGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    UnknownFineTuningGrader? IPersistableModel<UnknownFineTuningGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<UnknownFineTuningGrader>(data, options);

    string IPersistableModel<UnknownFineTuningGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
