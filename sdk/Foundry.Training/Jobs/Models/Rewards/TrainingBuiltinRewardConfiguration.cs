using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A built-in reward or verifier used as a judge (<c>kind</c> <c>builtin</c>).</summary>
public sealed class TrainingBuiltinRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingBuiltinRewardConfiguration>
{
    private IDictionary<string, JsonNode?>? _configuration;

    /// <summary>Creates a built-in reward.</summary>
    /// <param name="type">The built-in reward or verifier, such as <see cref="TrainingBuiltinRewardType.ExactMatch"/>.</param>
    public TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType type)
    {
        Type = type;
    }

    [JsonConstructor]
    internal TrainingBuiltinRewardConfiguration()
    {
    }

    /// <summary>The built-in reward or verifier type. Required.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TrainingBuiltinRewardType Type { get; set; }

    /// <summary>Verifier configuration; values are any JSON.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Configuration => OnDemand.Dictionary(ref _configuration);

    [JsonInclude]
    [JsonPropertyName("configuration")]
    internal IDictionary<string, JsonNode?>? ConfigurationJson
    {
        get => OnDemand.ForWriting(_configuration);
        set => _configuration = value;
    }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        if (Type.ToString() is null)
        {
            problems.Add(ValidationCollector.Property(path, "type"), "Required.");
        }
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Builtin;

    void IJsonModel<TrainingBuiltinRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingBuiltinRewardConfiguration? IJsonModel<TrainingBuiltinRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingBuiltinRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingBuiltinRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingBuiltinRewardConfiguration? IPersistableModel<TrainingBuiltinRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingBuiltinRewardConfiguration>(data, options);

    string IPersistableModel<TrainingBuiltinRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
