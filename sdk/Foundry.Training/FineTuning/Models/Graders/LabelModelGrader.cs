using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Asks a model to label the input; passing labels score 1 (<c>label_model</c>).</summary>
public sealed class LabelModelGrader : FineTuningGrader, IJsonModel<LabelModelGrader>
{
    private IList<GraderInputMessage>? _input;
    private IList<string>? _labels;
    private IList<string>? _passingLabels;

    /// <summary>The model that labels; it must support structured outputs. Required. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The messages given to the labelling model; may contain templates. Required. (<c>input</c>)</summary>
    [JsonIgnore]
    public IList<GraderInputMessage> Input => OnDemand.List(ref _input);

    /// <summary>The labels to choose from. Required. (<c>labels</c>)</summary>
    [JsonIgnore]
    public IList<string> Labels => OnDemand.List(ref _labels);

    /// <summary>The labels that pass; a subset of <see cref="Labels"/>. Required. (<c>passing_labels</c>)</summary>
    [JsonIgnore]
    public IList<string> PassingLabels => OnDemand.List(ref _passingLabels);

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.LabelModel;

    [JsonInclude]
    [JsonPropertyName("input")]
    internal IList<GraderInputMessage>? InputJson
    {
        get => OnDemand.ForWriting(_input);
        set => _input = value;
    }

    [JsonInclude]
    [JsonPropertyName("labels")]
    internal IList<string>? LabelsJson
    {
        get => OnDemand.ForWriting(_labels);
        set => _labels = value;
    }

    [JsonInclude]
    [JsonPropertyName("passing_labels")]
    internal IList<string>? PassingLabelsJson
    {
        get => OnDemand.ForWriting(_passingLabels);
        set => _passingLabels = value;
    }

    void IJsonModel<LabelModelGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    LabelModelGrader? IJsonModel<LabelModelGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<LabelModelGrader>(ref reader, options);

    BinaryData IPersistableModel<LabelModelGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    LabelModelGrader? IPersistableModel<LabelModelGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<LabelModelGrader>(data, options);

    string IPersistableModel<LabelModelGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
