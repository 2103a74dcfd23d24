using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Supervised fine-tuning recipe (<c>algorithm</c> <c>sft</c>).</summary>
public sealed class SftTrainingConfiguration : TrainingConfiguration, IJsonModel<SftTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public SftTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal SftTrainingConfiguration()
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

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Sft;

    void IJsonModel<SftTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    SftTrainingConfiguration? IJsonModel<SftTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<SftTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<SftTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    SftTrainingConfiguration? IPersistableModel<SftTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<SftTrainingConfiguration>(data, options);

    string IPersistableModel<SftTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
