using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Direct preference optimization recipe (<c>algorithm</c> <c>dpo</c>).</summary>
public sealed class DpoTrainingConfiguration : PreferenceTrainingConfiguration, IJsonModel<DpoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public DpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal DpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Dpo;

    void IJsonModel<DpoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    DpoTrainingConfiguration? IJsonModel<DpoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<DpoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<DpoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    DpoTrainingConfiguration? IPersistableModel<DpoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<DpoTrainingConfiguration>(data, options);

    string IPersistableModel<DpoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
