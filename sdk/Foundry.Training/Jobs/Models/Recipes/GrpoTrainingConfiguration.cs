using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Group relative policy optimization recipe (<c>algorithm</c> <c>grpo</c>).</summary>
public sealed class GrpoTrainingConfiguration : ReinforcementTrainingConfiguration, IJsonModel<GrpoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <param name="reward">The reward signal that scores rollouts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/>, <paramref name="dataset"/> or <paramref name="reward"/> is null.</exception>
    public GrpoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset, reward)
    {
    }

    [JsonConstructor]
    internal GrpoTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Grpo;

    void IJsonModel<GrpoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    GrpoTrainingConfiguration? IJsonModel<GrpoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<GrpoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<GrpoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    GrpoTrainingConfiguration? IPersistableModel<GrpoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<GrpoTrainingConfiguration>(data, options);

    string IPersistableModel<GrpoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
