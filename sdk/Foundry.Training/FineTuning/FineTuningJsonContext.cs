using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Source-generated metadata for the OpenAI-style fine-tuning models.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(FineTuningJob))]
[JsonSerializable(typeof(FineTuningJobCreateOptions))]
[JsonSerializable(typeof(FineTuningJobEvent))]
[JsonSerializable(typeof(FineTuningJobCheckpoint))]
[JsonSerializable(typeof(FineTuningHyperparameters))]
[JsonSerializable(typeof(FineTuningIntegration))]
[JsonSerializable(typeof(WandbIntegration))]
[JsonSerializable(typeof(FineTuningMethod))]
[JsonSerializable(typeof(SupervisedMethod))]
[JsonSerializable(typeof(DpoMethod))]
[JsonSerializable(typeof(DpoHyperparameters))]
[JsonSerializable(typeof(ReinforcementMethod))]
[JsonSerializable(typeof(ReinforcementHyperparameters))]
[JsonSerializable(typeof(FineTuningGrader))]
[JsonSerializable(typeof(StringCheckGrader))]
[JsonSerializable(typeof(TextSimilarityGrader))]
[JsonSerializable(typeof(PythonGrader))]
[JsonSerializable(typeof(ScoreModelGrader))]
[JsonSerializable(typeof(LabelModelGrader))]
[JsonSerializable(typeof(MultiGrader))]
[JsonSerializable(typeof(UnknownFineTuningGrader))]
[JsonSerializable(typeof(GraderInputMessage))]
[JsonSerializable(typeof(ScoreModelSamplingParameters))]
[JsonSerializable(typeof(FineTuningFile))]
[JsonSerializable(typeof(FineTuningFileImport))]
[JsonSerializable(typeof(FineTuningModel))]
[JsonSerializable(typeof(ModelCapabilities))]
[JsonSerializable(typeof(ModelDeprecation))]
[JsonSerializable(typeof(FineTuningError))]
[JsonSerializable(typeof(FineTuningInnerError))]
[JsonSerializable(typeof(FineTuningErrorResponse))]
internal sealed partial class FineTuningJsonContext : JsonSerializerContext
{
}
