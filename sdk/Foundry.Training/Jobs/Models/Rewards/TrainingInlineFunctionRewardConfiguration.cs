using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>An inline Python function used as a judge (<c>kind</c> <c>inline_function</c>).</summary>
public sealed class TrainingInlineFunctionRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingInlineFunctionRewardConfiguration>
{
    /// <summary>Creates an inline function reward.</summary>
    /// <param name="inlineFunction">The inline Python function that computes reward scores.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="inlineFunction"/> is null.</exception>
    public TrainingInlineFunctionRewardConfiguration(TrainingInlineFunctionConfiguration inlineFunction)
    {
        Argument.AssertNotNull(inlineFunction, nameof(inlineFunction));
        InlineFunction = inlineFunction;
    }

    [JsonConstructor]
    internal TrainingInlineFunctionRewardConfiguration()
    {
        InlineFunction = null!;
    }

    /// <summary>The inline Python function that computes reward scores. Required.</summary>
    [JsonPropertyName("inline_function")]
    public TrainingInlineFunctionConfiguration InlineFunction { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        string functionPath = ValidationCollector.Property(path, "inline_function");
        if (problems.Require(InlineFunction, functionPath))
        {
            problems.RequireText(InlineFunction.Definition, ValidationCollector.Property(functionPath, "def"));
        }
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.InlineFunction;

    void IJsonModel<TrainingInlineFunctionRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingInlineFunctionRewardConfiguration? IJsonModel<TrainingInlineFunctionRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingInlineFunctionRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingInlineFunctionRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingInlineFunctionRewardConfiguration? IPersistableModel<TrainingInlineFunctionRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingInlineFunctionRewardConfiguration>(data, options);

    string IPersistableModel<TrainingInlineFunctionRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
