using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Simple preference optimization recipe (<c>algorithm</c> <c>simpo</c>).</summary>
public sealed class SimPoTrainingConfiguration : PreferenceTrainingConfiguration, IJsonModel<SimPoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public SimPoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal SimPoTrainingConfiguration()
    {
    }

    /// <summary>
    /// The SimPO target reward margin γ (hyperparameter <c>simpo_gamma</c>, the name TRL uses).
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? Gamma
    {
        get => GetDoubleHyperparameter("simpo_gamma");
        set => SetHyperparameter("simpo_gamma", value);
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.SimPo;

    void IJsonModel<SimPoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    SimPoTrainingConfiguration? IJsonModel<SimPoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<SimPoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<SimPoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    SimPoTrainingConfiguration? IPersistableModel<SimPoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<SimPoTrainingConfiguration>(data, options);

    string IPersistableModel<SimPoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
