using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A Foundry evaluator used as a judge (<c>kind</c> <c>evaluator</c>).</summary>
public sealed class TrainingEvaluatorRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingEvaluatorRewardConfiguration>
{
    private IDictionary<string, JsonNode?>? _inputMapping;

    /// <summary>Creates an evaluator reward.</summary>
    /// <param name="evaluator">The evaluator asset reference.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="evaluator"/> is null.</exception>
    public TrainingEvaluatorRewardConfiguration(string evaluator)
    {
        Argument.AssertNotNull(evaluator, nameof(evaluator));
        Evaluator = evaluator;
    }

    [JsonConstructor]
    internal TrainingEvaluatorRewardConfiguration()
    {
        Evaluator = null!;
    }

    /// <summary>The evaluator asset reference. Required.</summary>
    [JsonPropertyName("evaluator")]
    public string Evaluator { get; set; }

    /// <summary>The evaluator input mapping; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> InputMapping => OnDemand.Dictionary(ref _inputMapping);

    [JsonInclude]
    [JsonPropertyName("input_mapping")]
    internal IDictionary<string, JsonNode?>? InputMappingJson
    {
        get => OnDemand.ForWriting(_inputMapping);
        set => _inputMapping = value;
    }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        problems.RequireText(Evaluator, ValidationCollector.Property(path, "evaluator"));
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Evaluator;

    void IJsonModel<TrainingEvaluatorRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingEvaluatorRewardConfiguration? IJsonModel<TrainingEvaluatorRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingEvaluatorRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingEvaluatorRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingEvaluatorRewardConfiguration? IPersistableModel<TrainingEvaluatorRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingEvaluatorRewardConfiguration>(data, options);

    string IPersistableModel<TrainingEvaluatorRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
