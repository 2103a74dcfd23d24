using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>REINFORCE leave-one-out recipe (<c>algorithm</c> <c>rloo</c>).</summary>
public sealed class RlooTrainingConfiguration : ReinforcementTrainingConfiguration, IJsonModel<RlooTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <param name="reward">The reward signal that scores rollouts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/>, <paramref name="dataset"/> or <paramref name="reward"/> is null.</exception>
    public RlooTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset, reward)
    {
    }

    [JsonConstructor]
    internal RlooTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Rloo;

    void IJsonModel<RlooTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    RlooTrainingConfiguration? IJsonModel<RlooTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<RlooTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<RlooTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    RlooTrainingConfiguration? IPersistableModel<RlooTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<RlooTrainingConfiguration>(data, options);

    string IPersistableModel<RlooTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
