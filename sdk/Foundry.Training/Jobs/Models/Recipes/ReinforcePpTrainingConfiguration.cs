using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>REINFORCE++ recipe (<c>algorithm</c> <c>reinforce_pp</c>).</summary>
public sealed class ReinforcePpTrainingConfiguration : ReinforcementTrainingConfiguration
{
    /// <summary>Creates a recipe.</summary>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The training and optional evaluation datasets.</param>
    /// <param name="reward">The reward signal that scores rollouts.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="model"/>, <paramref name="dataset"/> or <paramref name="reward"/> is null.</exception>
    public ReinforcePpTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset, reward)
    {
    }

    [JsonConstructor]
    internal ReinforcePpTrainingConfiguration()
    {
    }

    private protected override TrainingAlgorithm? AlgorithmValue => TrainingAlgorithm.ReinforcePp;
}
