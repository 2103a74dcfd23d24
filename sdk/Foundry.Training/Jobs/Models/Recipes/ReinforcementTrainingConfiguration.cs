using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// The online reinforcement learning recipes, which score rollouts with a <see cref="Reward"/>:
/// <see cref="GrpoTrainingConfiguration"/>, <see cref="PpoTrainingConfiguration"/>, <see cref="RlooTrainingConfiguration"/>
/// and <see cref="ReinforcePpTrainingConfiguration"/>.
/// </summary>
public abstract class ReinforcementTrainingConfiguration : TrainingConfiguration
{
    private protected ReinforcementTrainingConfiguration(string model, TrainingDatasetConfiguration dataset, TrainingRewardConfiguration reward)
        : base(model, dataset)
    {
        Argument.AssertNotNull(reward, nameof(reward));
        Reward = reward;
    }

    private protected ReinforcementTrainingConfiguration()
    {
        Reward = null!;
    }

    /// <summary>
    /// The reward signal, such as <see cref="TrainingModelRewardConfiguration"/> or
    /// <see cref="TrainingCompositeRewardConfiguration"/>. Required.
    /// </summary>
    [JsonPropertyName("reward")]
    public TrainingRewardConfiguration Reward { get; set; }

    /// <summary>The LoRA adapter configuration.</summary>
    [JsonPropertyName("lora")]
    public TrainingLoraConfiguration? Lora { get; set; }

    /// <summary>The rollout generation configuration.</summary>
    [JsonPropertyName("rollout")]
    public TrainingRolloutConfiguration? Rollout { get; set; }

    /// <summary>The evaluation configuration.</summary>
    [JsonPropertyName("eval")]
    public TrainingEvalConfiguration? Eval { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        base.CollectProblems(problems, path);
        string rewardPath = ValidationCollector.Property(path, "reward");
        if (Reward is null)
        {
            problems.Add(rewardPath, $"Required for {Algorithm} recipes: the reward scores the rollouts.");
        }
        else
        {
            Reward.CollectProblems(problems, rewardPath);
        }

        CollectProblems(problems, path, Lora, Eval);
        Rollout?.CollectProblems(problems, ValidationCollector.Property(path, "rollout"));
    }

    /// <summary>
    /// The KL penalty coefficient under the name GRPO and RLOO use in TRL (hyperparameter <c>beta</c>). See also
    /// <see cref="KlCoefficient"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? Beta
    {
        get => GetDoubleHyperparameter("beta");
        set => SetHyperparameter("beta", value);
    }

    /// <summary>
    /// The KL penalty coefficient under the name PPO uses (hyperparameter <c>kl_coef</c>). See also <see cref="Beta"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry is not a JSON number (on read).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (on write).</exception>
    [JsonIgnore]
    public double? KlCoefficient
    {
        get => GetDoubleHyperparameter("kl_coef");
        set => SetHyperparameter("kl_coef", value);
    }
}
