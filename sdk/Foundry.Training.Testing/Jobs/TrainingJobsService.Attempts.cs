using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    private static readonly TimeSpan s_contentUriLifetime = TimeSpan.FromHours(1);

    private ServiceResponse ListAttempts(EmulatedTrainingJob job, ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        List<JobAttempt> attempts = job.HasAttempt ? new List<JobAttempt> { ToAttempt(job, request.Now) } : new List<JobAttempt>();
        PageSlice<JobAttempt> page = Paging.Cut(attempts, a => a.Id, request.QueryValue("after"), request.QueryValue("before"), limit);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: false, ids: true));
    }

    private JobAttempt ToAttempt(EmulatedTrainingJob job, DateTimeOffset now)
    {
        DateTimeOffset started = job.StartedAt!.Value;
        string? reason = job.Status switch
        {
            TrainingJobStatus.Running => $"Training step {job.CompletedSteps} of {job.TotalSteps}.",
            TrainingJobStatus.CancelRequested => "Cancellation requested.",
            TrainingJobStatus.Canceled => "Canceled by the user.",
            TrainingJobStatus.Failed => job.Error?.Message,
            _ => null,
        };
        return TrainingModelFactory.JobAttempt(
            id: EmulatedTrainingJob.AttemptId,
            jobName: job.Name,
            status: job.AttemptStatus,
            statusReason: reason,
            startedAt: started,
            endedAt: job.EndedAt,
            lastStartedAt: started,
            computeDuration: TimeSpan.FromSeconds(Math.Floor(((job.EndedAt ?? now) - started).TotalSeconds)),
            queueingInfo: new Dictionary<string, JsonNode?>
            {
                ["queued_at"] = job.CreatedAt.ToUnixTimeSeconds(),
                ["queue_duration"] = "PT" + (started - job.CreatedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "S",
            },
            computeDetails: TrainingModelFactory.JobAttemptComputeDetails(
                vmSize: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceType: job.Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4",
                instanceCount: job.Spec.Resources?.InstanceCount ?? 1,
                gpuCount: job.Spec.GpuCount ?? 1,
                region: "emulator"),
            error: job.Error,
            isLatest: true);
    }

    private ServiceResponse ListArtifacts(EmulatedTrainingJob job, ServiceRequest request, bool contentInfos)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        // Artifacts are listed by path (ascending unless asked otherwise): a folder's files stay together.
        bool? descending = ReadDescending(request, whenAbsent: false);
        if (descending is null)
        {
            return BadQuery("order", request.QueryValue("order"), "'asc' or 'desc'");
        }

        string prefix = request.QueryValue("path_prefix") ?? string.Empty;
        List<EmulatedArtifact> artifacts = job.Artifacts.Values.Where(a => a.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (descending.Value)
        {
            artifacts.Reverse();
        }

        PageSlice<EmulatedArtifact> page = Paging.Cut(artifacts, a => a.Path, request.QueryValue("after"), request.QueryValue("before"), limit);
        if (contentInfos)
        {
            var infos = page.Items.Select(a => ToContentInfo(job, a, request.Now)).ToList();
            return ServiceResponse.Json(200, JsonBodies.Page(new PageSlice<JobArtifactContentInfo>(infos, page.HasMore, page.FirstId, page.LastId), listObject: false, ids: true));
        }

        var items = page.Items.Select(ToArtifact).ToList();
        return ServiceResponse.Json(200, JsonBodies.Page(new PageSlice<JobArtifact>(items, page.HasMore, page.FirstId, page.LastId), listObject: false, ids: true));
    }

    /// <summary>A file's metadata, or a folder's when <c>path</c> is a prefix of files.</summary>
    private static ServiceResponse GetArtifactMetadata(EmulatedTrainingJob job, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        if (job.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact))
        {
            return ServiceResponse.Json(200, JsonBodies.Model(ToArtifact(artifact)));
        }

        string folder = path.TrimEnd('/') + "/";
        List<EmulatedArtifact> children = job.Artifacts.Values.Where(a => a.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
        if (children.Count == 0)
        {
            return ArtifactNotFound(job, path);
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.JobArtifact(
            path: path.TrimEnd('/'),
            type: JobArtifactType.Directory,
            createdAt: children.Min(a => a.CreatedAt),
            updatedAt: children.Max(a => a.UpdatedAt))));
    }

    private ServiceResponse GetArtifactContentInfo(EmulatedTrainingJob job, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        return job.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact)
            ? ServiceResponse.Json(200, JsonBodies.Model(ToContentInfo(job, artifact, request.Now)))
            : ArtifactNotFound(job, path);
    }

    private static ServiceResponse DownloadArtifact(EmulatedTrainingJob job, ServiceRequest request)
    {
        string? path = request.QueryValue("path");
        if (string.IsNullOrEmpty(path))
        {
            return ServiceErrors.Foundry(400, "MissingQueryParameter", "The query parameter 'path' is required.");
        }

        return job.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact)
            ? ServiceResponse.Stream(200, artifact.Content, "application/octet-stream") // the route's contract: bytes
            : ArtifactNotFound(job, path);
    }

    private static ServiceResponse ArtifactNotFound(EmulatedTrainingJob job, string path) =>
        ServiceErrors.Foundry(404, "NotFound", $"Artifact '{path}' of training job '{job.Name}' was not found.");

    private static JobArtifact ToArtifact(EmulatedArtifact artifact) =>
        TrainingModelFactory.JobArtifact(
            path: artifact.Path,
            type: JobArtifactType.File,
            size: artifact.Content.Length,
            createdAt: artifact.CreatedAt,
            updatedAt: artifact.UpdatedAt);

    /// <summary>A pre-signed URL on the emulator's stand-in for blob storage: no bearer token needed, a signature required.</summary>
    private JobArtifactContentInfo ToContentInfo(EmulatedTrainingJob job, EmulatedArtifact artifact, DateTimeOffset now)
    {
        string resource = ArtifactStorageService.Resource(job.Name, EmulatedTrainingJob.AttemptId, artifact.Path);
        DateTimeOffset expires = now + s_contentUriLifetime;
        string uri = _context.ServerRoot.AbsoluteUri.TrimEnd('/') + EmulatorContext.StoragePath + "/" + resource +
            "?sv=2024-05-04&sr=b&sp=r&se=" + Uri.EscapeDataString(expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) +
            "&sig=" + Uri.EscapeDataString(_context.Sign(resource));
        return TrainingModelFactory.JobArtifactContentInfo(artifact.Path, new Uri(uri), artifact.ContentType, expires);
    }

    private static ServiceResponse ListMetrics(EmulatedTrainingJob job, ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        List<JobMetric> metrics = job.Metrics.Where(m => m.Points.Count > 0).Select(m => TrainingModelFactory.JobMetric(
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

    private static ServiceResponse GetLastValues(EmulatedTrainingJob job)
    {
        List<JobMetricLastValue> values = job.Metrics.Where(m => m.Points.Count > 0)
            .Select(m => TrainingModelFactory.JobMetricLastValue(m.Name, ToPoint(m, m.Points[m.Points.Count - 1])))
            .ToList();
        return ServiceResponse.Json(200, JsonBodies.Page(Paging.All(values, v => v.Name), listObject: false, ids: true));
    }

    /// <summary>
    /// The history of one metric in a step and time range, oldest first; a page ends after <c>limit</c> points
    /// (1000 when not given) and the client continues from the next step.
    /// </summary>
    private static ServiceResponse GetMetricPoints(EmulatedTrainingJob job, string name, ServiceRequest request)
    {
        if (!TryReadRange(job, name, request, 1000, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out int limit, out ServiceResponse? error))
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
    private static ServiceResponse GetMetricAggregates(EmulatedTrainingJob job, string name, ServiceRequest request)
    {
        if (!TryReadRange(job, name, request, int.MaxValue, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out _, out ServiceResponse? error))
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
    private static ServiceResponse GetMetricSample(EmulatedTrainingJob job, string name, ServiceRequest request, bool single)
    {
        if (!TryReadRange(job, name, request, 10, out EmulatedMetric? metric, out List<(long Step, DateTimeOffset CreatedAt, double Value)> points, out int limit, out ServiceResponse? error))
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
        metric = job.Metric(name);
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

    /// <summary>Outputs exist once the job completed: each declared output, or a <c>model</c> output for a recipe that declares none.</summary>
    private static List<JobOutputReference> OutputsOf(EmulatedTrainingJob job)
    {
        var outputs = new List<JobOutputReference>();
        if (job.Status != TrainingJobStatus.Completed)
        {
            return outputs;
        }

        string? baseModel = job.Spec.Training?.Model;
        foreach (KeyValuePair<string, JobOutput> output in job.Spec.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            outputs.Add(TrainingModelFactory.JobOutputReference(
                name: output.Key,
                type: output.Value.JobOutputType,
                mode: output.Value.Mode ?? InputOutputModes.ReadWriteMount,
                uri: output.Value.Uri ?? DefaultOutputUri(job, output.Key),
                assetName: output.Value.AssetName ?? job.Name + "-" + output.Key,
                assetVersion: output.Value.AssetVersion ?? "1",
                baseModelId: output.Value.BaseModelId ?? (output.Value.JobOutputType == AssetTypes.SafetensorsModel ? baseModel : null),
                description: output.Value.Description));
        }

        if (outputs.Count == 0 && job.Spec.Training is not null)
        {
            outputs.Add(TrainingModelFactory.JobOutputReference(
                name: "model",
                type: AssetTypes.SafetensorsModel,
                mode: InputOutputModes.ReadWriteMount,
                uri: DefaultOutputUri(job, "model"),
                assetName: job.Name + "-model",
                assetVersion: "1",
                baseModelId: baseModel,
                description: "The trained model."));
        }

        return outputs;
    }

    private static string DefaultOutputUri(EmulatedTrainingJob job, string output) =>
        "azureai://datastores/workspaceblobstore/paths/training_jobs/" + Uri.EscapeDataString(job.Name) + "/outputs/" + Uri.EscapeDataString(output);

    private static ServiceResponse ListOutputs(EmulatedTrainingJob job) =>
        ServiceResponse.Json(200, JsonBodies.Page(Paging.All(OutputsOf(job), o => o.Name), listObject: false, ids: true));

    private static ServiceResponse GetOutput(EmulatedTrainingJob job, string name)
    {
        JobOutputReference? output = OutputsOf(job).FirstOrDefault(o => o.Name == name);
        return output is null
            ? ServiceErrors.Foundry(404, "NotFound", $"Output '{name}' of training job '{job.Name}' was not found{(job.Status == TrainingJobStatus.Completed ? string.Empty : " (outputs appear when the job completes)")}.")
            : ServiceResponse.Json(200, JsonBodies.Model(output));
    }

    /// <summary>Studio and tracking endpoints, once the job has started; every node reports the same ones.</summary>
    private ServiceResponse GetServices(EmulatedTrainingJob job, ServiceRequest request)
    {
        string? node = request.QueryValue("node_id");
        if (node is not null && (!int.TryParse(node, NumberStyles.Integer, CultureInfo.InvariantCulture, out int nodeId) || nodeId < 0))
        {
            return BadQuery("node_id", node, "a non-negative integer");
        }

        return ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.TrainingJobServiceCollection(ServicesOf(job))));
    }

    /// <summary>
    /// <c>/nodes/{node_id}/services</c> (the later revision's route): the same endpoints as <see cref="GetServices"/>, for
    /// a node from 0 to the job's instance count minus one.
    /// </summary>
    private ServiceResponse GetNodeServices(EmulatedTrainingJob job, string node)
    {
        int nodes = job.Spec.Resources?.InstanceCount ?? 1;
        if (!int.TryParse(node, NumberStyles.None, CultureInfo.InvariantCulture, out int nodeId))
        {
            return ServiceErrors.Foundry(400, "InvalidPathParameter", $"The node id '{node}' is not a non-negative integer.");
        }

        return nodeId >= nodes
            ? ServiceErrors.Foundry(404, "NotFound", $"Node {nodeId} of training job '{job.Name}' was not found: the job runs on {nodes} node(s), numbered from 0.")
            : ServiceResponse.Json(200, JsonBodies.Model(TrainingModelFactory.TrainingJobServiceCollection(ServicesOf(job))));
    }

    private Dictionary<string, TrainingJobService> ServicesOf(EmulatedTrainingJob job)
    {
        var services = new Dictionary<string, TrainingJobService>(StringComparer.Ordinal);
        if (job.HasAttempt)
        {
            string status = job.IsTerminal ? "Stopped" : TrainingJobStatus.Running;
            services["studio"] = TrainingModelFactory.TrainingJobService(
                type: JobServiceType.Studio,
                status: status,
                endpoint: new Uri(_context.Endpoint.AbsoluteUri + "/studio/training_jobs/" + Uri.EscapeDataString(job.Name)));
            services["tracking"] = TrainingModelFactory.TrainingJobService(
                type: JobServiceType.Tracking,
                status: status,
                endpoint: new Uri(_context.Endpoint.AbsoluteUri + "/mlflow/v2.0/runs/" + Uri.EscapeDataString(job.Name)),
                properties: new Dictionary<string, JsonNode?> { ["run_id"] = job.Name });
        }

        return services;
    }
}
