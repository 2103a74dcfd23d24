using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Kahneman-Tversky optimization recipe (<c>algorithm</c> <c>kto</c>).</summary>
public sealed class KtoTrainingConfiguration : PreferenceTrainingConfiguration, IJsonModel<KtoTrainingConfiguration>
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> or <paramref name="dataset"/> is null.</exception>
    public KtoTrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
        : base(model, dataset)
    {
    }

    [JsonConstructor]
    internal KtoTrainingConfiguration()
    {
    }

    /// <summary>The loss weight of desirable examples (hyperparameter <c>desirable_weight</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? DesirableWeight
    {
        get => GetDoubleHyperparameter("desirable_weight");
        set => SetHyperparameter("desirable_weight", value);
    }

    /// <summary>The loss weight of undesirable examples (hyperparameter <c>undesirable_weight</c>).</summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? UndesirableWeight
    {
        get => GetDoubleHyperparameter("undesirable_weight");
        set => SetHyperparameter("undesirable_weight", value);
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.Kto;

    void IJsonModel<KtoTrainingConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    KtoTrainingConfiguration? IJsonModel<KtoTrainingConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<KtoTrainingConfiguration>(ref reader, options);

    BinaryData IPersistableModel<KtoTrainingConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    KtoTrainingConfiguration? IPersistableModel<KtoTrainingConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<KtoTrainingConfiguration>(data, options);

    string IPersistableModel<KtoTrainingConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
