using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.JobMetric"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="metricType">Metric type.</param>
    /// <param name="columns">Column metadata for structured metric values.</param>
    /// <returns>The model.</returns>
    public static JobMetric JobMetric(
        string? name = null,
        JobMetricType? metricType = null,
        IDictionary<string, JsonNode?>? columns = null) =>
        new()
        {
            Name = name ?? string.Empty,
            MetricType = metricType,
            Columns = columns is null ? null : new Dictionary<string, JsonNode?>(columns),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricPoint"/>.</summary>
    /// <param name="metricId">Metric identifier.</param>
    /// <param name="step">Metric step.</param>
    /// <param name="createdAt">Time the metric point was created.</param>
    /// <param name="data">Metric data values, by column (for a scalar metric typically <c>value</c>).</param>
    /// <param name="value">The point's value: sets the <c>value</c> column of <paramref name="data"/> (created when null).</param>
    /// <returns>The model.</returns>
    public static JobMetricPoint JobMetricPoint(
        string? metricId = null,
        long? step = null,
        DateTimeOffset? createdAt = null,
        IDictionary<string, JsonNode?>? data = null,
        double? value = null) =>
        new()
        {
            MetricId = metricId,
            Step = step,
            CreatedAt = createdAt,
            Data = WithNumbers(data, ("value", value)),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricLastValue"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="point">Latest metric point.</param>
    /// <returns>The model.</returns>
    public static JobMetricLastValue JobMetricLastValue(
        string? name = null,
        JobMetricPoint? point = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Point = point,
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricAggregate"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="startedAt">Aggregate window start.</param>
    /// <param name="endedAt">Aggregate window end.</param>
    /// <param name="values">Aggregate values (for example min, max, mean).</param>
    /// <param name="min">Sets the <c>min</c> entry of <paramref name="values"/> (created when null).</param>
    /// <param name="max">Sets the <c>max</c> entry of <paramref name="values"/> (created when null).</param>
    /// <param name="mean">Sets the <c>mean</c> entry of <paramref name="values"/> (created when null).</param>
    /// <returns>The model.</returns>
    public static JobMetricAggregate JobMetricAggregate(
        string? name = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        IDictionary<string, JsonNode?>? values = null,
        double? min = null,
        double? max = null,
        double? mean = null) =>
        new()
        {
            Name = name ?? string.Empty,
            StartedAt = startedAt,
            EndedAt = endedAt,
            Values = WithNumbers(values, ("min", min), ("max", max), ("mean", mean)),
        };

    /// <summary>Builds a <see cref="Jobs.JobMetricSample"/>.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="points">Sampled metric points.</param>
    /// <returns>The model.</returns>
    public static JobMetricSample JobMetricSample(
        string? name = null,
        IEnumerable<JobMetricPoint>? points = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Points = points?.ToList() ?? new List<JobMetricPoint>(),
        };
}
