using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Aggregated values for a metric. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricAggregate : ExtensibleModel<JobMetricAggregate>
{
    [JsonConstructor]
    internal JobMetricAggregate()
    {
    }

    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Aggregate window start.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("started_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>Aggregate window end.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("ended_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Aggregate values (for example min, max, mean), exactly as the service sent them.</summary>
    [JsonPropertyName("values")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Values { get; internal set; }

    /// <summary>The <c>min</c> aggregate as a number; null when the service sent none.</summary>
    [JsonIgnore]
    public double? Min => MetricNumber.Read(Values, "min");

    /// <summary>The <c>max</c> aggregate as a number; null when the service sent none.</summary>
    [JsonIgnore]
    public double? Max => MetricNumber.Read(Values, "max");

    /// <summary>The <c>mean</c> aggregate as a number; null when the service sent none.</summary>
    [JsonIgnore]
    public double? Mean => MetricNumber.Read(Values, "mean");

    /// <summary>
    /// Any aggregate of <see cref="Values"/> as a number (a JSON number, or a string such as <c>"NaN"</c>), for the ones
    /// without a property of their own (for example <c>last</c>, <c>count</c> or <c>p99</c>).
    /// </summary>
    /// <param name="name">The aggregate's name.</param>
    /// <returns>The number; null when the aggregate is absent or holds no number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public double? GetNumber(string name)
    {
        Argument.AssertNotNull(name, nameof(name));
        return MetricNumber.Read(Values, name);
    }
}
