using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A Python callable in the job's code used as a judge (<c>kind</c> <c>function</c>).</summary>
public sealed class TrainingFunctionRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingFunctionRewardConfiguration>
{
    /// <summary>Creates a function reward.</summary>
    /// <param name="function">The Python callable that computes reward scores.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="function"/> is null.</exception>
    public TrainingFunctionRewardConfiguration(TrainingEntryPointReference function)
    {
        Argument.AssertNotNull(function, nameof(function));
        Function = function;
    }

    [JsonConstructor]
    internal TrainingFunctionRewardConfiguration()
    {
        Function = null!;
    }

    /// <summary>The Python callable that computes reward scores. Required.</summary>
    [JsonPropertyName("function")]
    public TrainingEntryPointReference Function { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        string functionPath = ValidationCollector.Property(path, "function");
        if (problems.Require(Function, functionPath))
        {
            problems.RequireText(Function.EntryPoint, ValidationCollector.Property(functionPath, "entry_point"));
        }
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Function;

    void IJsonModel<TrainingFunctionRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingFunctionRewardConfiguration? IJsonModel<TrainingFunctionRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingFunctionRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingFunctionRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingFunctionRewardConfiguration? IPersistableModel<TrainingFunctionRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingFunctionRewardConfiguration>(data, options);

    string IPersistableModel<TrainingFunctionRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
