using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A metric data point. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricPoint : ExtensibleModel
{
    [JsonConstructor]
    internal JobMetricPoint()
    {
    }

    /// <summary>Metric identifier.</summary>
    [JsonPropertyName("metric_id")]
    [JsonInclude]
    public string? MetricId { get; internal set; }

    /// <summary>Metric step.</summary>
    [JsonPropertyName("step")]
    [JsonInclude]
    public long? Step { get; internal set; }

    /// <summary>Time the metric point was created.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>Metric data values, by column (for a scalar metric typically <c>value</c>).</summary>
    [JsonPropertyName("data")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Data { get; internal set; }
}
