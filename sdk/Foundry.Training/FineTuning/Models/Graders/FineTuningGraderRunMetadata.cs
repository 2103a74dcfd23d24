using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>How a grader run went (<c>metadata</c> of <see cref="FineTuningGraderRunResult"/>).</summary>
public class FineTuningGraderRunMetadata : ExtensibleModel<FineTuningGraderRunMetadata>
{
    /// <summary>The grader's name. (<c>name</c>)</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string? Name { get; internal set; }

    /// <summary>The grader's type, such as <c>string_check</c>. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public string? Type { get; internal set; }

    /// <summary>What went wrong, if anything. (<c>errors</c>)</summary>
    [JsonPropertyName("errors")]
    [JsonInclude]
    public FineTuningGraderRunErrors? Errors { get; internal set; }

    /// <summary>How long the grader ran, in seconds. (<c>execution_time</c>)</summary>
    [JsonPropertyName("execution_time")]
    [JsonInclude]
    public double? ExecutionTime { get; internal set; }

    /// <summary>The scores the grader computed, by name, as sent. (<c>scores</c>)</summary>
    [JsonPropertyName("scores")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Scores { get; internal set; }

    /// <summary>The tokens a model grader used; null for other graders. (<c>token_usage</c>)</summary>
    [JsonPropertyName("token_usage")]
    [JsonInclude]
    public long? TokenUsage { get; internal set; }

    /// <summary>The model a model grader sampled; null for other graders. (<c>sampled_model_name</c>)</summary>
    [JsonPropertyName("sampled_model_name")]
    [JsonInclude]
    public string? SampledModelName { get; internal set; }
}
