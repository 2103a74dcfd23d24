using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Metadata for a metric emitted by a job or run. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetric : ExtensibleModel<JobMetric>
{
    [JsonConstructor]
    internal JobMetric()
    {
    }

    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Metric type.</summary>
    [JsonPropertyName("metric_type")]
    [JsonInclude]
    public JobMetricType? MetricType { get; internal set; }

    /// <summary>Column metadata for structured metric values.</summary>
    [JsonPropertyName("columns")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Columns { get; internal set; }
}
