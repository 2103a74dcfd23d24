using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Combines the output of graders into one score with a formula (<c>multi</c>).</summary>
public sealed class MultiGrader : FineTuningGrader, IJsonModel<MultiGrader>
{
    /// <summary>The grader whose results the formula combines. Required. (<c>graders</c>)</summary>
    [JsonPropertyName("graders")]
    public FineTuningGrader? Graders { get; set; }

    /// <summary>The formula that computes the score from the grader results. Required. (<c>calculate_output</c>)</summary>
    [JsonPropertyName("calculate_output")]
    public string? CalculateOutput { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.Multi;

    void IJsonModel<MultiGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    MultiGrader? IJsonModel<MultiGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<MultiGrader>(ref reader, options);

    BinaryData IPersistableModel<MultiGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    MultiGrader? IPersistableModel<MultiGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<MultiGrader>(data, options);

    string IPersistableModel<MultiGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
