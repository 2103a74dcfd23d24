using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Contrastive preference optimization recipe (<c>algorithm</c> <c>cpo</c>).</summary>
public sealed class CpoTrainingConfiguration : PreferenceTrainingConfiguration, IJsonModel<CpoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public CpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal CpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Cpo;

    void IJsonModel<CpoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    CpoTrainingConfiguration? IJsonModel<CpoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<CpoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<CpoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    CpoTrainingConfiguration? IPersistableModel<CpoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<CpoTrainingConfiguration>(data, options);

    string IPersistableModel<CpoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
