using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Proximal policy optimization recipe (<c>algorithm</c> <c>ppo</c>).</summary>
public sealed class PpoTrainingConfiguration : ReinforcementTrainingConfiguration, IJsonModel<PpoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <param name="reward">The reward signal that scores rollouts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/>, <paramref name="dataset"/> or <paramref name="reward"/> is null.</exception>
    public PpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset, reward)
    {
    }

    [JsonConstructor]
    internal PpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Ppo;

    void IJsonModel<PpoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    PpoTrainingConfiguration? IJsonModel<PpoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<PpoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<PpoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    PpoTrainingConfiguration? IPersistableModel<PpoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<PpoTrainingConfiguration>(data, options);

    string IPersistableModel<PpoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
