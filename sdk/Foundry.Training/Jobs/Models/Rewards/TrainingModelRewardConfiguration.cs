using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A learned reward model used as a judge (<c>kind</c> <c>model</c>).</summary>
public sealed class TrainingModelRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingModelRewardConfiguration>
{
    /// <summary>Creates a model reward.</summary>
    /// <param name="model">The reward model asset reference used to compute scores.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/> is null.</exception>
    public TrainingModelRewardConfiguration(string model)
    {
        Argument.AssertNotNull(model, nameof(model));
        Model = model;
    }

    [JsonConstructor]
    internal TrainingModelRewardConfiguration()
    {
        Model = null!;
    }

    /// <summary>The reward model asset reference used to compute scores. Required.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        problems.RequireText(Model, ValidationCollector.Property(path, "model"));
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Model;

    void IJsonModel<TrainingModelRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingModelRewardConfiguration? IJsonModel<TrainingModelRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingModelRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingModelRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingModelRewardConfiguration? IPersistableModel<TrainingModelRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingModelRewardConfiguration>(data, options);

    string IPersistableModel<TrainingModelRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
