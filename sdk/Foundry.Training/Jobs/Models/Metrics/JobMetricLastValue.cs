using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Latest value for a metric. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricLastValue : ExtensibleModel
{
    [JsonConstructor]
    internal JobMetricLastValue()
    {
    }

    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Latest metric point.</summary>
    [JsonPropertyName("value")]
    [JsonInclude]
    public JobMetricPoint? Value { get; internal set; }
}
