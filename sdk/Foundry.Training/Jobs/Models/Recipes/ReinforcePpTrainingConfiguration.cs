using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>REINFORCE++ recipe (<c>algorithm</c> <c>reinforce_pp</c>).</summary>
public sealed class ReinforcePpTrainingConfiguration : ReinforcementTrainingConfiguration, IJsonModel<ReinforcePpTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <param name="reward">The reward signal that scores rollouts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/>, <paramref name="dataset"/> or <paramref name="reward"/> is null.</exception>
    public ReinforcePpTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset, reward)
    {
    }

    [JsonConstructor]
    internal ReinforcePpTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.ReinforcePp;

    void IJsonModel<ReinforcePpTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    ReinforcePpTrainingConfiguration? IJsonModel<ReinforcePpTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<ReinforcePpTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<ReinforcePpTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    ReinforcePpTrainingConfiguration? IPersistableModel<ReinforcePpTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<ReinforcePpTrainingConfiguration>(data, options);

    string IPersistableModel<ReinforcePpTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
