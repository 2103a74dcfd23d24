using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A grader that scores model outputs during reinforcement fine-tuning (OpenAI platform), chosen by <c>type</c>:
/// <see cref="StringCheckGrader"/>, <see cref="TextSimilarityGrader"/>, <see cref="PythonGrader"/>,
/// <see cref="ScoreModelGrader"/>, <see cref="LabelModelGrader"/> or <see cref="MultiGrader"/>. A grader type this
/// SDK does not know is read as <see cref="UnknownFineTuningGrader"/> and written back unchanged.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StringCheckGrader), "string_check")]
[JsonDerivedType(typeof(TextSimilarityGrader), "text_similarity")]
[JsonDerivedType(typeof(PythonGrader), "python")]
[JsonDerivedType(typeof(ScoreModelGrader), "score_model")]
[JsonDerivedType(typeof(LabelModelGrader), "label_model")]
[JsonDerivedType(typeof(MultiGrader), "multi")]
[JsonDerivedType(typeof(UnknownFineTuningGrader))]
[PersistableModelProxy(typeof(PolymorphicModelReader<FineTuningGrader>))]
public abstract class FineTuningGrader : ExtensibleModel<FineTuningGrader>
{
    private protected FineTuningGrader()
    {
    }

    /// <summary>The kind of grader (<c>type</c>); null only for an unknown grader sent without a string type.</summary>
    [JsonIgnore]
    public FineTuningGraderType? Type => TypeValue;

    /// <summary>The name of the grader. Required. (<c>name</c>)</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    private protected abstract FineTuningGraderType? TypeValue { get; }
}
