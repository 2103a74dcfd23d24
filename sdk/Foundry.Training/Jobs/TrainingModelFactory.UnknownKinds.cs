using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds job properties of a job type this version of the SDK does not know.</summary>
    /// <param name="jobType">The <c>job_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The properties.</returns>
    public static UnknownJobProperties UnknownJobProperties(string? jobType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownJobProperties(), "job_type", jobType, additionalProperties);

    /// <summary>Builds a recipe of an algorithm this version of the SDK does not know.</summary>
    /// <param name="algorithm">The <c>algorithm</c>; null leaves it out.</param>
    /// <param name="model">The base model asset reference.</param>
    /// <param name="dataset">The datasets.</param>
    /// <param name="framework">The requested training framework.</param>
    /// <param name="resolvedFramework">The training framework the service resolved.</param>
    /// <param name="frameworkVersion">The version of the resolved framework.</param>
    /// <param name="hyperparameters">The hyperparameters.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The recipe.</returns>
    public static UnknownTrainingConfiguration UnknownTrainingConfiguration(
        string? algorithm = null,
        string? model = null,
        TrainingDatasetConfiguration? dataset = null,
        TrainingFramework? framework = null,
        TrainingFramework? resolvedFramework = null,
        string? frameworkVersion = null,
        IDictionary<string, JsonNode?>? hyperparameters = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        var configuration = new UnknownTrainingConfiguration
        {
            Model = model!,
            Dataset = dataset!,
            Framework = framework,
            ResolvedFramework = resolvedFramework,
            FrameworkVersion = frameworkVersion,
        };
        CopyTo(hyperparameters, configuration.Hyperparameters);
        return WithExtensionData(configuration, "algorithm", algorithm, additionalProperties);
    }

    /// <summary>Builds a reward of a kind this version of the SDK does not know.</summary>
    /// <param name="kind">The <c>kind</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The reward.</returns>
    public static UnknownTrainingRewardConfiguration UnknownTrainingRewardConfiguration(string? kind = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownTrainingRewardConfiguration(), "kind", kind, additionalProperties);

    /// <summary>Builds a distribution configuration of a type this version of the SDK does not know.</summary>
    /// <param name="distributionType">The <c>distribution_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The distribution configuration.</returns>
    public static UnknownDistributionConfiguration UnknownDistributionConfiguration(string? distributionType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownDistributionConfiguration(), "distribution_type", distributionType, additionalProperties);

    /// <summary>Builds a node collection of a type this version of the SDK does not know.</summary>
    /// <param name="nodesValueType">The <c>nodes_value_type</c>; null leaves it out.</param>
    /// <param name="additionalProperties">The other JSON properties, by wire name.</param>
    /// <returns>The node collection.</returns>
    public static UnknownNodeCollection UnknownNodeCollection(string? nodesValueType = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        WithExtensionData(new UnknownNodeCollection(), "nodes_value_type", nodesValueType, additionalProperties);
}
