using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

public partial class TrainingJobsClient
{
    /// <summary>Lists the metrics an attempt emitted (<c>GET .../attempts/{attempt_id}/metrics</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="options">Paging; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The metric definitions, fetched a page at a time.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters, or <c>options.Limit</c> is outside 1–100.</exception>
    public virtual AsyncPageable<JobMetric> GetMetricsAsync(string jobName, string attemptId, TrainingListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetMetrics, MetricsFetcher(jobName, attemptId, options), jobName, cancellationToken);

    /// <inheritdoc cref="GetMetricsAsync"/>
    public virtual Pageable<JobMetric> GetMetrics(string jobName, string attemptId, TrainingListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetMetrics, MetricsFetcher(jobName, attemptId, options), jobName, cancellationToken);

    /// <summary>Gets the latest value of every metric of an attempt (<c>GET .../metrics/last_values</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The latest values (a single page: the route takes no paging parameters).</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    public virtual AsyncPageable<JobMetricLastValue> GetMetricLastValuesAsync(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetMetricLastValues, SinglePage<JobMetricLastValue>(TrainingJobsOperations.GetMetricLastValues, jobName, attemptId), jobName, cancellationToken);

    /// <inheritdoc cref="GetMetricLastValuesAsync"/>
    public virtual Pageable<JobMetricLastValue> GetMetricLastValues(string jobName, string attemptId, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetMetricLastValues, SinglePage<JobMetricLastValue>(TrainingJobsOperations.GetMetricLastValues, jobName, attemptId), jobName, cancellationToken);

    /// <summary>Gets the history of one metric (<c>GET .../metrics/{metric_name}</c>), optionally within a time or step range.</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="metricName">The metric name, for example <c>train/loss</c>.</param>
    /// <param name="options">Range and page size; everything when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>
    /// The metric points, fetched a page at a time. Pages continue from the step after the last point received, so a
    /// continuation token is that next <c>min_step</c>.
    /// </returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    public virtual AsyncPageable<JobMetricPoint> GetMetricPointsAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetMetricPoints, PointsFetcher(jobName, attemptId, metricName, options), jobName, cancellationToken);

    /// <inheritdoc cref="GetMetricPointsAsync"/>
    public virtual Pageable<JobMetricPoint> GetMetricPoints(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetMetricPoints, PointsFetcher(jobName, attemptId, metricName, options), jobName, cancellationToken);

    /// <summary>Gets aggregate values (min, max, mean, ...) of one metric (<c>GET .../metrics/{metric_name}/aggregates</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="metricName">The metric name.</param>
    /// <param name="options">Range; everything when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The aggregates (a single page).</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    public virtual AsyncPageable<JobMetricAggregate> GetMetricAggregatesAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.AsyncPages(TrainingJobsOperations.GetMetricAggregates, AggregatesFetcher(jobName, attemptId, metricName, options), jobName, cancellationToken);

    /// <inheritdoc cref="GetMetricAggregatesAsync"/>
    public virtual Pageable<JobMetricAggregate> GetMetricAggregates(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPaging.Pages(TrainingJobsOperations.GetMetricAggregates, AggregatesFetcher(jobName, attemptId, metricName, options), jobName, cancellationToken);

    /// <summary>Gets sampled values of one metric (<c>GET .../metrics/{metric_name}/samples</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="metricName">The metric name.</param>
    /// <param name="options">Range and number of points; service defaults when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sampled points.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobMetricSample>> GetMetricSamplesAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        GetSampleCoreAsync(TrainingJobsOperations.GetMetricSamples, jobName, attemptId, metricName, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetMetricSamplesAsync"/>
    public virtual Response<JobMetricSample> GetMetricSamples(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        GetSampleCoreAsync(TrainingJobsOperations.GetMetricSamples, jobName, attemptId, metricName, options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets one sampled value or window of a metric (<c>GET .../metrics/{metric_name}/sample</c>).</summary>
    /// <param name="jobName">The training job name.</param>
    /// <param name="attemptId">The attempt identifier, or <see cref="LatestAttempt"/>.</param>
    /// <param name="metricName">The metric name.</param>
    /// <param name="options">Range; service defaults when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty, or an id or name cannot be a path segment: empty or whitespace, <c>.</c> or <c>..</c>, with a control character, or over 1,024 characters.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<JobMetricSample>> GetMetricSampleAsync(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        GetSampleCoreAsync(TrainingJobsOperations.GetMetricSample, jobName, attemptId, metricName, options, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="GetMetricSampleAsync"/>
    public virtual Response<JobMetricSample> GetMetricSample(string jobName, string attemptId, string metricName, MetricQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        GetSampleCoreAsync(TrainingJobsOperations.GetMetricSample, jobName, attemptId, metricName, options, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Response<JobMetricSample>> GetSampleCoreAsync(ServiceOperation operation, string jobName, string attemptId, string metricName, MetricQueryOptions? options, bool async, CancellationToken cancellationToken)
    {
        string path = operation.Path(jobName, attemptId, metricName);
        return GetValueAsync<JobMetricSample>(
            operation,
            path,
            uri => AppendMetricQuery(uri, options, options?.MinStep, options?.Limit),
            jobName,
            async,
            cancellationToken);
    }

    private PageFetcher<JobMetric> MetricsFetcher(string jobName, string attemptId, TrainingListOptions? options)
    {
        string path = TrainingJobsOperations.GetMetrics.Path(jobName, attemptId);
        ValidatePaging(options, nameof(options));
        return ListPaging.Cursor(
            _pipeline,
            (after, limit) =>
            {
                HttpMessage message = _pipeline.CreateRequest(TrainingJobsOperations.GetMetrics, path);
                AppendPaging(message.Request.Uri, options, after, limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<JobMetric>(),
            metric => metric.Name);
    }

    private PageFetcher<JobMetricPoint> PointsFetcher(string jobName, string attemptId, string metricName, MetricQueryOptions? options)
    {
        string path = TrainingJobsOperations.GetMetricPoints.Path(jobName, attemptId, metricName);
        return ListPaging.Cursor(
            _pipeline,
            (nextStep, limit) =>
            {
                HttpMessage message = _pipeline.CreateRequest(TrainingJobsOperations.GetMetricPoints, path);
                long? minStep = nextStep is null ? options?.MinStep : ParseStep(nextStep);
                AppendMetricQuery(message.Request.Uri, options, minStep, limit ?? options?.Limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<JobMetricPoint>(),
            point => point.Step is long step && step < long.MaxValue ? (step + 1).ToString(CultureInfo.InvariantCulture) : null,
            useLastId: false);
    }

    private PageFetcher<JobMetricAggregate> AggregatesFetcher(string jobName, string attemptId, string metricName, MetricQueryOptions? options)
    {
        string path = TrainingJobsOperations.GetMetricAggregates.Path(jobName, attemptId, metricName);
        return ListPaging.SinglePage(
            _pipeline,
            () =>
            {
                HttpMessage message = _pipeline.CreateRequest(TrainingJobsOperations.GetMetricAggregates, path);
                AppendMetricQuery(message.Request.Uri, options, options?.MinStep, options?.Limit);
                return message;
            },
            ModelSerialization.GetTypeInfo<JobMetricAggregate>());
    }

    /// <summary>Adds the metric range; times are unix seconds like every Foundry timestamp.</summary>
    /// <summary>A points continuation token is the next step; the SDK makes them, so only a caller's token can be something else.</summary>
    private static long ParseStep(string continuationToken) =>
        long.TryParse(continuationToken, NumberStyles.Integer, CultureInfo.InvariantCulture, out long step)
            ? step
            : throw new ArgumentException("The continuation token of a metric point listing is the step to continue from.", nameof(continuationToken));

    private static void AppendMetricQuery(RequestUriBuilder uri, MetricQueryOptions? options, long? minStep, int? limit)
    {
        if (options?.StartedAt is DateTimeOffset started)
        {
            uri.AppendQuery("started_at", started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (options?.EndedAt is DateTimeOffset ended)
        {
            uri.AppendQuery("ended_at", ended.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (minStep is not null)
        {
            uri.AppendQuery("min_step", minStep.Value.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (options?.MaxStep is long maxStep)
        {
            uri.AppendQuery("max_step", maxStep.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (limit is not null)
        {
            uri.AppendQuery("limit", limit.Value.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }
    }
}
