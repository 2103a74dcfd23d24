using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Compares the input with a reference string (<c>string_check</c>); scores 1 on a match, else 0.</summary>
public sealed class StringCheckGrader : FineTuningGrader, IJsonModel<StringCheckGrader>
{
    /// <summary>The text to check; may contain templates such as <c>{{sample.output_text}}</c>. Required. (<c>input</c>)</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>The reference text; may contain templates such as <c>{{item.label}}</c>. Required. (<c>reference</c>)</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; set; }

    /// <summary>The comparison. Required. (<c>operation</c>)</summary>
    [JsonPropertyName("operation")]
    public StringCheckOperation? Operation { get; set; }

    private protected override FineTuningGraderType? TypeValue => FineTuningGraderType.StringCheck;

    void IJsonModel<StringCheckGrader>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    StringCheckGrader? IJsonModel<StringCheckGrader>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<StringCheckGrader>(ref reader, options);

    BinaryData IPersistableModel<StringCheckGrader>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    StringCheckGrader? IPersistableModel<StringCheckGrader>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<StringCheckGrader>(data, options);

    string IPersistableModel<StringCheckGrader>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
