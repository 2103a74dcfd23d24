using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A judge combining several weighted reward signals (<c>kind</c> <c>composite</c>); the signals may themselves be composite.</summary>
public sealed class TrainingCompositeRewardConfiguration : TrainingRewardConfiguration, IJsonModel<TrainingCompositeRewardConfiguration>
{
    private IList<TrainingWeightedRewardConfiguration>? _rewards;

    /// <summary>Creates a composite reward.</summary>
    /// <param name="rewards">The weighted reward signals to combine; at least one.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="rewards"/> or one of its items is null.</exception>
    public TrainingCompositeRewardConfiguration(IEnumerable<TrainingWeightedRewardConfiguration> rewards)
    {
        Argument.AssertNotNull(rewards, nameof(rewards));
        var list = new List<TrainingWeightedRewardConfiguration>();
        foreach (TrainingWeightedRewardConfiguration reward in rewards)
        {
            Argument.AssertNotNull(reward, nameof(rewards));
            list.Add(reward);
        }

        _rewards = list;
    }

    [JsonConstructor]
    internal TrainingCompositeRewardConfiguration()
    {
    }

    /// <summary>The weighted reward signals to combine. Required; must not be empty.</summary>
    [JsonIgnore]
    public IList<TrainingWeightedRewardConfiguration> Rewards => OnDemand.List(ref _rewards);

    [JsonInclude]
    [JsonPropertyName("rewards")]
    internal IList<TrainingWeightedRewardConfiguration>? RewardsJson
    {
        get => OnDemand.ForWriting(_rewards);
        set => _rewards = value;
    }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        string rewardsPath = ValidationCollector.Property(path, "rewards");
        if (_rewards is null || _rewards.Count == 0)
        {
            problems.Add(rewardsPath, "Must contain at least one reward.");
            return;
        }

        // A composite that (indirectly) contains itself would recurse forever.
        if (!problems.TryEnter(this))
        {
            problems.Add(path, "A composite reward must not contain itself.");
            return;
        }

        for (int i = 0; i < _rewards.Count; i++)
        {
            string itemPath = ValidationCollector.Index(rewardsPath, i);
            TrainingWeightedRewardConfiguration item = _rewards[i];
            if (problems.Require(item, itemPath))
            {
                string rewardPath = ValidationCollector.Property(itemPath, "reward");
                if (problems.Require(item.Reward, rewardPath))
                {
                    item.Reward.CollectProblems(problems, rewardPath);
                }
            }
        }

        problems.Exit(this);
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Composite;

    void IJsonModel<TrainingCompositeRewardConfiguration>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    TrainingCompositeRewardConfiguration? IJsonModel<TrainingCompositeRewardConfiguration>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingCompositeRewardConfiguration>(ref reader, options);

    BinaryData IPersistableModel<TrainingCompositeRewardConfiguration>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    TrainingCompositeRewardConfiguration? IPersistableModel<TrainingCompositeRewardConfiguration>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<TrainingCompositeRewardConfiguration>(data, options);

    string IPersistableModel<TrainingCompositeRewardConfiguration>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
