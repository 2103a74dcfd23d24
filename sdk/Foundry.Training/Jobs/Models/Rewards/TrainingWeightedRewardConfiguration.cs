using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A weighted reward signal of a <see cref="TrainingCompositeRewardConfiguration"/>.</summary>
public sealed class TrainingWeightedRewardConfiguration : ExtensibleModel<TrainingWeightedRewardConfiguration>
{
    /// <summary>Creates a weighted reward signal.</summary>
    /// <param name="reward">The reward signal.</param>
    /// <param name="weight">The weight applied to the signal; when null the service uses 1.0.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="reward"/> is null.</exception>
    public TrainingWeightedRewardConfiguration(TrainingRewardConfiguration reward, double? weight = null)
    {
        Argument.AssertNotNull(reward, nameof(reward));
        Reward = reward;
        Weight = weight;
    }

    [JsonConstructor]
    internal TrainingWeightedRewardConfiguration()
    {
        Reward = null!;
    }

    /// <summary>The reward signal. Required.</summary>
    [JsonPropertyName("reward")]
    public TrainingRewardConfiguration Reward { get; set; }

    /// <summary>The weight applied to this reward signal. When not set the service uses 1.0.</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; set; }
}
