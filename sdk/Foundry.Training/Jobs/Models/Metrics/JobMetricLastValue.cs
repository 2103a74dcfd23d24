using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Latest value for a metric. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricLastValue : ExtensibleModel<JobMetricLastValue>
{
    [JsonConstructor]
    internal JobMetricLastValue()
    {
    }

    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Latest metric point (the <c>value</c> property on the wire), with every column the service sent.</summary>
    [JsonPropertyName("value")]
    [JsonInclude]
    public JobMetricPoint? Point { get; internal set; }

    /// <summary>The latest value as a number (<see cref="JobMetricPoint.Value"/> of <see cref="Point"/>); null when there is none.</summary>
    [JsonIgnore]
    public double? Value => Point?.Value;

    /// <summary>The step of the latest point (<see cref="JobMetricPoint.Step"/> of <see cref="Point"/>).</summary>
    [JsonIgnore]
    public long? Step => Point?.Step;

    /// <summary>When the latest point was created (<see cref="JobMetricPoint.CreatedAt"/> of <see cref="Point"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAt => Point?.CreatedAt;
}
