using System.ClientModel.Primitives;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A reward or judge signal for reinforcement learning or reward model training, chosen by <c>kind</c>:
/// <see cref="TrainingModelRewardConfiguration"/>, <see cref="TrainingFunctionRewardConfiguration"/>,
/// <see cref="TrainingInlineFunctionRewardConfiguration"/>, <see cref="TrainingBuiltinRewardConfiguration"/>,
/// <see cref="TrainingEvaluatorRewardConfiguration"/>, <see cref="TrainingDeploymentRewardConfiguration"/> or
/// <see cref="TrainingCompositeRewardConfiguration"/>; a kind this version of the SDK does not know is read as
/// <see cref="UnknownTrainingRewardConfiguration"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TrainingModelRewardConfiguration), "model")]
[JsonDerivedType(typeof(TrainingFunctionRewardConfiguration), "function")]
[JsonDerivedType(typeof(TrainingInlineFunctionRewardConfiguration), "inline_function")]
[JsonDerivedType(typeof(TrainingBuiltinRewardConfiguration), "builtin")]
[JsonDerivedType(typeof(TrainingEvaluatorRewardConfiguration), "evaluator")]
[JsonDerivedType(typeof(TrainingDeploymentRewardConfiguration), "deployment")]
[JsonDerivedType(typeof(TrainingCompositeRewardConfiguration), "composite")]
[JsonDerivedType(typeof(UnknownTrainingRewardConfiguration))]
[PersistableModelProxy(typeof(PolymorphicModelReader<TrainingRewardConfiguration>))]
public abstract class TrainingRewardConfiguration : ExtensibleModel<TrainingRewardConfiguration>
{
    private protected TrainingRewardConfiguration()
    {
    }

    /// <summary>
    /// The reward or judge signal kind (<c>kind</c>); <see langword="null"/> only for an
    /// <see cref="UnknownTrainingRewardConfiguration"/> whose JSON has no string <c>kind</c>.
    /// </summary>
    [JsonIgnore]
    public TrainingRewardKind? Kind => KindValue;

    private protected abstract TrainingRewardKind? KindValue { get; }

    /// <summary>Rules of the reward kind; a kind this SDK does not know is not checked.</summary>
    internal virtual void CollectProblems(ValidationCollector problems, string path)
    {
    }
}
