using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Runs a Python <c>grade(sample, item)</c> function that returns the score (<c>python</c>).</summary>
public sealed class PythonGrader : FineTuningGrader, IJsonModel<PythonGrader>
{
    /// <summary>The source code of the script. Required. (<c>source</c>)</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The image tag the script runs in. (<c>image_tag</c>)</summary>
    [JsonPropertyName("image_tag")]
    public string? ImageTag { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.Python;

    void IJsonModel<PythonGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    PythonGrader? IJsonModel<PythonGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<PythonGrader>(ref reader, options);

    BinaryData IPersistableModel<PythonGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    PythonGrader? IPersistableModel<PythonGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<PythonGrader>(data, options);

    string IPersistableModel<PythonGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
