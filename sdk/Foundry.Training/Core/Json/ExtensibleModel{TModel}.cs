using System;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Foundry.Training;

/// <summary>
/// Base of a model that is a JSON document type of its own: implements <see cref="IJsonModel{T}"/> of
/// <typeparamref name="TModel"/>, so <see cref="ModelReaderWriter"/> reads and writes it exactly as
/// <see cref="FoundryTrainingSerializer"/> does (one serializer; unknown properties and unknown polymorphic kinds kept).
/// </summary>
/// <typeparam name="TModel">The model type itself.</typeparam>
/// <remarks>
/// The base of a polymorphic family (<c>TrainingConfiguration</c>, <c>FineTuningGrader</c>, ...) reads any member,
/// and a kind newer than the SDK as the family's <c>Unknown*</c> type. Each member of a family implements
/// <see cref="IJsonModel{T}"/> of itself as well. Read and write with the format <c>"J"</c> or <c>"W"</c> (both
/// JSON); for Native AOT pass <see cref="FoundryTrainingContext.Default"/> to <see cref="ModelReaderWriter"/>.
/// </remarks>
public abstract class ExtensibleModel<TModel> : ExtensibleModel, IJsonModel<TModel>
    where TModel : ExtensibleModel<TModel>
{
    /// <summary>Initializes the model.</summary>
    protected ExtensibleModel()
    {
    }

    void IJsonModel<TModel>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write((TModel)this, writer, options);

    TModel? IJsonModel<TModel>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TModel>(ref reader, options);

    BinaryData IPersistableModel<TModel>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write((TModel)this, options);

    TModel? IPersistableModel<TModel>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TModel>(data, options);

    string IPersistableModel<TModel>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
