using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Scores the similarity of the input to a reference text (<c>text_similarity</c>).</summary>
public sealed class TextSimilarityGrader : FineTuningGrader, IJsonModel<TextSimilarityGrader>
{
    /// <summary>The text being graded; may contain templates. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>The text graded against; may contain templates. Required. (<c>reference</c>)</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; set; }

    /// <summary>The similarity metric. Required. (<c>evaluation_metric</c>)</summary>
    [JsonPropertyName("evaluation_metric")]
    public TextSimilarityMetric? EvaluationMetric { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.TextSimilarity;

    void IJsonModel<TextSimilarityGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TextSimilarityGrader? IJsonModel<TextSimilarityGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TextSimilarityGrader>(ref reader, options);

    BinaryData IPersistableModel<TextSimilarityGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TextSimilarityGrader? IPersistableModel<TextSimilarityGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TextSimilarityGrader>(data, options);

    string IPersistableModel<TextSimilarityGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
