using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Sampled values for a metric. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricSample : ExtensibleModel<JobMetricSample>
{
    [JsonConstructor]
    internal JobMetricSample()
    {
    }

    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Sampled metric points; each reads its number as <see cref="JobMetricPoint.Value"/>, with its step and time.</summary>
    [JsonPropertyName("points")]
    [JsonInclude]
    public IReadOnlyList<JobMetricPoint> Points { get; internal set; } = new List<JobMetricPoint>();
}
