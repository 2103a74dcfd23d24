using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>
/// A declarative training recipe, chosen by <c>algorithm</c>: <see cref="SftTrainingConfiguration"/>, the preference
/// recipes (<see cref="DpoTrainingConfiguration"/>, <see cref="KtoTrainingConfiguration"/>,
/// <see cref="OrpoTrainingConfiguration"/>, <see cref="CpoTrainingConfiguration"/>, <see cref="SimPoTrainingConfiguration"/>),
/// the reinforcement learning recipes (<see cref="GrpoTrainingConfiguration"/>, <see cref="PpoTrainingConfiguration"/>,
/// <see cref="RlooTrainingConfiguration"/>, <see cref="ReinforcePpTrainingConfiguration"/>) and
/// <see cref="RewardModelTrainingConfiguration"/>; an algorithm this version of the SDK does not know is read as
/// <see cref="UnknownTrainingConfiguration"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "algorithm")]
[JsonDerivedType(typeof(SftTrainingConfiguration), "sft")]
[JsonDerivedType(typeof(DpoTrainingConfiguration), "dpo")]
[JsonDerivedType(typeof(KtoTrainingConfiguration), "kto")]
[JsonDerivedType(typeof(OrpoTrainingConfiguration), "orpo")]
[JsonDerivedType(typeof(CpoTrainingConfiguration), "cpo")]
[JsonDerivedType(typeof(SimPoTrainingConfiguration), "simpo")]
[JsonDerivedType(typeof(GrpoTrainingConfiguration), "grpo")]
[JsonDerivedType(typeof(PpoTrainingConfiguration), "ppo")]
[JsonDerivedType(typeof(RlooTrainingConfiguration), "rloo")]
[JsonDerivedType(typeof(ReinforcePpTrainingConfiguration), "reinforce_pp")]
[JsonDerivedType(typeof(RewardModelTrainingConfiguration), "reward_model")]
[JsonDerivedType(typeof(UnknownTrainingConfiguration))]
public abstract class TrainingConfiguration : ExtensibleModel
{
    private IDictionary<string, JsonNode?>? _hyperparameters;

    private protected TrainingConfiguration(string model, TrainingDatasetConfiguration dataset)
    {
        Argument.AssertNotNull(model, nameof(model));
        Argument.AssertNotNull(dataset, nameof(dataset));
        Model = model;
        Dataset = dataset;
    }

    private protected TrainingConfiguration()
    {
        Model = null!;
        Dataset = null!;
    }

    /// <summary>
    /// The training algorithm (<c>algorithm</c>); <see langword="null"/> only for an
    /// <see cref="UnknownTrainingConfiguration"/> whose JSON has no string <c>algorithm</c>.
    /// </summary>
    [JsonIgnore]
    public TrainingAlgorithm? Algorithm => AlgorithmValue;

    /// <summary>
    /// The training framework. When not set, the service selects a framework compatible with the algorithm and reports
    /// it in <see cref="ResolvedFramework"/>.
    /// </summary>
    [JsonPropertyName("framework")]
    public TrainingFramework? Framework { get; set; }

    /// <summary>The training framework the service resolved, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("resolved_framework")]
    public TrainingFramework? ResolvedFramework { get; internal set; }

    /// <summary>The version of the resolved training framework, set by the service.</summary>
    [JsonInclude]
    [JsonPropertyName("framework_version")]
    public string? FrameworkVersion { get; internal set; }

    /// <summary>The base model asset reference. Required.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; }

    /// <summary>The training and optional evaluation datasets. Required.</summary>
    [JsonPropertyName("dataset")]
    public TrainingDatasetConfiguration Dataset { get; set; }

    /// <summary>
    /// Algorithm-specific hyperparameters by name, as the framework spells them; values are any JSON. The typed
    /// properties of the recipes (such as <c>LearningRate</c>) read and write this same dictionary.
    /// </summary>
    [JsonIgnore]
    public IDictionary<string, JsonNode?> Hyperparameters => OnDemand.Dictionary(ref _hyperparameters);

    [JsonInclude]
    [JsonPropertyName("hyperparameters")]
    internal IDictionary<string, JsonNode?>? HyperparametersJson
    {
        get => OnDemand.ForWriting(_hyperparameters);
        set => _hyperparameters = value;
    }

    private protected abstract TrainingAlgorithm? AlgorithmValue { get; }
}
