using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Reward model training recipe (<c>algorithm</c> <c>reward_model</c>).</summary>
public sealed class RewardModelTrainingConfiguration : TrainingConfiguration, IJsonModel<RewardModelTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public RewardModelTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal RewardModelTrainingConfiguration()
    {
    }

    /// <summary>The LoRA adapter configuration.</summary>
    [JsonPropertyName("lora")]
    public TrainingLoraConfiguration? Lora { get; set; }

    /// <summary>The evaluation configuration.</summary>
    [JsonPropertyName("eval")]
    public TrainingEvalConfiguration? Eval { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        base.CollectProblems(problems, path);
        CollectProblems(problems, path, Lora, Eval);
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.RewardModel;

    void IJsonModel<RewardModelTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    RewardModelTrainingConfiguration? IJsonModel<RewardModelTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<RewardModelTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<RewardModelTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    RewardModelTrainingConfiguration? IPersistableModel<RewardModelTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<RewardModelTrainingConfiguration>(data, options);

    string IPersistableModel<RewardModelTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
