using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A metric data point. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobMetricPoint : ExtensibleModel<JobMetricPoint>
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

    /// <summary>Metric data values, by column (for a scalar metric typically <c>value</c>), exactly as the service sent them.</summary>
    [JsonPropertyName("data")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Data { get; internal set; }

    /// <summary>
    /// The point's value: the <c>value</c> column of <see cref="Data"/> as a number (a JSON number, or a string such as
    /// <c>"NaN"</c> or <c>"Infinity"</c>); null when there is no such column or it holds no number. Read from
    /// <see cref="Data"/>, which keeps the value as it was sent.
    /// </summary>
    [JsonIgnore]
    public double? Value => MetricNumber.Read(Data, "value");

    /// <summary>A column of <see cref="Data"/> as a number, read as <see cref="Value"/> reads the <c>value</c> column.</summary>
    /// <param name="column">The column name, for example <c>value</c>.</param>
    /// <returns>The number; null when the column is absent or holds no number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    public double? GetNumber(string column)
    {
        Argument.AssertNotNull(column, nameof(column));
        return MetricNumber.Read(Data, column);
    }
}
