using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Asks a model to score the input (<c>score_model</c>).</summary>
public sealed class ScoreModelGrader : FineTuningGrader, IJsonModel<ScoreModelGrader>
{
    private IList<GraderInputMessage>? _input;
    private IList<double>? _range;

    /// <summary>The model that scores. Required. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The messages given to the scoring model; may contain templates. Required. (<c>input</c>)</summary>
    [JsonIgnore]
    public IList<GraderInputMessage> Input => OnDemand.List(ref _input);

    /// <summary>The sampling parameters of the scoring model. (<c>sampling_params</c>)</summary>
    [JsonPropertyName("sampling_params")]
    public ScoreModelSamplingParameters? SamplingParameters { get; set; }

    /// <summary>The range of the score, two numbers; <c>[0, 1]</c> when empty. (<c>range</c>)</summary>
    [JsonIgnore]
    public IList<double> Range => OnDemand.List(ref _range);

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.ScoreModel;

    [JsonInclude]
    [JsonPropertyName("input")]
    internal IList<GraderInputMessage>? InputJson
    {
        get => OnDemand.ForWriting(_input);
        set => _input = value;
    }

    [JsonInclude]
    [JsonPropertyName("range")]
    internal IList<double>? RangeJson
    {
        get => OnDemand.ForWriting(_range);
        set => _range = value;
    }

    void IJsonModel<ScoreModelGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    ScoreModelGrader? IJsonModel<ScoreModelGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<ScoreModelGrader>(ref reader, options);

    BinaryData IPersistableModel<ScoreModelGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    ScoreModelGrader? IPersistableModel<ScoreModelGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<ScoreModelGrader>(data, options);

    string IPersistableModel<ScoreModelGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
