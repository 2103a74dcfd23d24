using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapMetrics(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.GetMetrics] = OfAttempt((_, a, r, _) => ListMetrics(a, r));
        routes[TrainingJobsOperations.GetMetricLastValues] = OfAttempt((_, a, _, _) => GetLastValues(a));
        routes[TrainingJobsOperations.GetMetricPoints] = OfAttempt((job, a, r, v) => GetMetricPoints(job, a, v["metricName"], r));
        routes[TrainingJobsOperations.GetMetricAggregates] = OfAttempt((job, a, r, v) => GetMetricAggregates(job, a, v["metricName"], r));
        routes[TrainingJobsOperations.GetMetricSamples] = OfAttempt((job, a, r, v) => GetMetricSample(job, a, v["metricName"], r, single: false));
        routes[TrainingJobsOperations.GetMetricSample] = OfAttempt((job, a, r, v) => GetMetricSample(job, a, v["metricName"], r, single: true));
    }

    private static ServiceResponse ListMetrics(EmulatedAttempt attempt, ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        List<JobMetric> metrics = attempt.Metrics.Where(m => m.Points.Count > 0).Select(m => TrainingModelFactory.JobMetric(
            name: m.Name,
            metricType: JobMetricType.Scalar,
            columns: new Dictionary<string, JsonNode?> { ["value"] = "float" })).ToList();
        if (request.QueryValue("order") == "desc")
        {
            metrics.Reverse();
        }

        PageSlice<JobMetric> page = Paging.Cut(metrics, m => m.Name, request.QueryValue("after"), request.QueryValue("before"), limit);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: false, ids: true));
    }

    private static ServiceResponse GetLastValues(EmulatedAttempt attempt)
    {
        List<JobMetricLastValue> values = attempt.Metrics.Where(m => m.Points.Count > 0)
            .Select(m => TrainingModelFactory.JobMetricLastValue(m.Name, ToPoint(m, m.Points[m.Points.Count - 1])))
            .ToList();
        return ServiceResponse.Json(200, JsonBodies.Page(Paging.All(values, v => v.Name), listObject: false, ids: true));
    }

    /// <summary>
    /// The history of one metric in a step and time range, oldest first; a page ends after <c>limit</c> points
    /// (1000 when not given) and the client continues from the next step.
    /// </summary>
    private static ServiceResponse GetMetricPoints(EmulatedTrainingJob job, EmulatedAttempt attempt, string name, ServiceRequest request)
    {
        if (!TryReadRange(job, attempt, name, request, 1000, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out int limit, out ServiceResponse? error))
        {
            return error!;
        }

        var page = points.Take(limit).Select(p => ToPoint(metric!, p)).ToList();
        bool hasMore = points.Count > limit;
        string? first = page.Count > 0 ? page[0].Step!.Value.ToString(CultureInfo.InvariantCulture) : null;
        string? last = page.Count > 0 ? page[page.Count - 1].Step!.Value.ToString(CultureInfo.InvariantCulture) : null;
        return ServiceResponse.Json(200, JsonBodies.Page(new PageSlice<JobMetricPoint>(page, hasMore, first, last), listObject: false, ids: true));
    }

    /// <summary>One aggregate over the points in range: <c>min</c>, <c>max</c>, <c>mean</c>, <c>first</c>, <c>last</c>, <c>count</c>.</summary>
    private static ServiceResponse GetMetricAggregates(EmulatedTrainingJob job, EmulatedAttempt attempt, string name, ServiceRequest request)
    {
        if (!TryReadRange(job, attempt, name, request, int.MaxValue, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out _, out ServiceResponse? error))
        {
            return error!;
        }

        var aggregates = new List<JobMetricAggregate>();
        if (points.Count > 0)
        {
            aggregates.Add(TrainingModelFactory.JobMetricAggregate(
                name: metric!.Name,
                startedAt: points[0].CreatedAt,
                endedAt: points[points.Count - 1].CreatedAt,
                values: new Dictionary<string, JsonNode?>
                {
                    ["min"] = points.Min(p => p.Value),
                    ["max"] = points.Max(p => p.Value),
                    ["mean"] = Math.Round(points.Average(p => p.Value), 6),
                    ["first"] = points[0].Value,
                    ["last"] = points[points.Count - 1].Value,
                    ["count"] = points.Count,
                }));
        }

        return ServiceResponse.Json(200, JsonBodies.Page(Paging.All(aggregates, a => a.Name), listObject: false, ids: true));
    }

    /// <summary><c>samples</c>: up to <c>limit</c> (10) points spread evenly over the range; <c>sample</c>: the last point in range.</summary>
    private static ServiceResponse GetMetricSample(EmulatedTrainingJob job, EmulatedAttempt attempt, string name, ServiceRequest request, bool single)
    {
        if (!TryReadRange(job, attempt, name, request, 10, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out int limit, out ServiceResponse? error))
        {
            return error!;
        }

        IEnumerable<(long Step, DateTimeOffset CreatedAt, double Value)> chosen;
        if (single)
        {
            chosen = points.Count > 0 ? new[] { points[points.Count - 1] } : Array.Empty<(long, DateTimeOffset, double)>();
        }
        else if (points.Count <= limit)
        {
            chosen = points;
        }
        else
        {
            chosen = Enumerable.Range(0, limit).Select(i => points[(int)Math.Round(i * (points.Count - 1) / (double)Math.Max(1, limit - 1), MidpointRounding.AwayFromZero)]).Distinct();
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.JobMetricSample(metric!.Name, chosen.Select(p => ToPoint(metric, p)))));
    }

    private static bool TryReadRange(
        EmulatedTrainingJob job,
        EmulatedAttempt attempt,
        string name,
        ServiceRequest request,
        int defaultLimit,
        out EmulatedMetric? metric,
        out List<(long Step, DateTimeOffset CreatedAt, double Value)> points,
        out int limit,
        out ServiceResponse? error)
    {
        points = new List<(long, DateTimeOffset, double)>();
        limit = 0;
        error = null;
        metric = attempt.Metric(name);
        if (metric is null || metric.Points.Count == 0)
        {
            error = ServiceErrors.Foundry(404, "NotFound", $"Metric '{name}' of training job '{job.Name}' was not found.");
            return false;
        }

        int? parsedLimit = Paging.ReadLimit(request.QueryValue("limit"), defaultLimit, int.MaxValue);
        foreach (string parameter in new[] { "min_step", "max_step", "started_at", "ended_at" })
        {
            if (!TryReadLong(request, parameter, out _))
            {
                error = BadQuery(parameter, request.QueryValue(parameter), "an integer");
                return false;
            }
        }

        if (parsedLimit is null)
        {
            error = BadQuery("limit", request.QueryValue("limit"), "a positive integer");
            return false;
        }

        limit = parsedLimit.Value;
        TryReadLong(request, "min_step", out long? minStep);
        TryReadLong(request, "max_step", out long? maxStep);
        TryReadLong(request, "started_at", out long? startedAt);
        TryReadLong(request, "ended_at", out long? endedAt);
        foreach ((long Step, DateTimeOffset CreatedAt, double Value) point in metric.Points)
        {
            long at = point.CreatedAt.ToUnixTimeSeconds();
            if ((minStep is null || point.Step >= minStep) && (maxStep is null || point.Step <= maxStep) &&
                (startedAt is null || at >= startedAt) && (endedAt is null || at <= endedAt))
            {
                points.Add(point);
            }
        }

        return true;
    }

    private static JobMetricPoint ToPoint(EmulatedMetric metric, (long Step, DateTimeOffset CreatedAt, double Value) point) =>
        TrainingModelFactory.JobMetricPoint(
            metricId: metric.Name,
            step: point.Step,
            createdAt: point.CreatedAt,
            data: new Dictionary<string, JsonNode?> { ["value"] = point.Value });
}
