using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What a grader gave one model sample (<see cref="FineTuningClient.RunGraderAsync"/>): the reward and how it was reached.</summary>
public class FineTuningGraderRunResult : ExtensibleModel<FineTuningGraderRunResult>
{
    /// <summary>The reward the grader gave the sample. (<c>reward</c>)</summary>
    [JsonPropertyName("reward")]
    [JsonInclude]
    public double? Reward { get; internal set; }

    /// <summary>The grader's name and type, its errors, the time it took, its scores and token usage. (<c>metadata</c>)</summary>
    [JsonPropertyName("metadata")]
    [JsonInclude]
    public FineTuningGraderRunMetadata? Metadata { get; internal set; }

    /// <summary>The rewards of the graders of a <c>multi</c> grader, by name, as sent. (<c>sub_rewards</c>)</summary>
    [JsonPropertyName("sub_rewards")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? SubRewards { get; internal set; }

    /// <summary>The tokens model graders used, per model, as sent. (<c>model_grader_token_usage_per_model</c>)</summary>
    [JsonPropertyName("model_grader_token_usage_per_model")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? ModelGraderTokenUsagePerModel { get; internal set; }
}
