using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

/// <summary>
/// The Foundry training jobs service (routes.tsp, plus the inputs and per-node services of routes.later-revision.tsp):
/// <c>api-version=v1</c>, the <c>Foundry-Features</c> opt-in and an Entra ID bearer token on every request; jobs, their
/// attempt, artifacts, metrics, inputs, outputs and services; delete and cancel as long-running operations. All state
/// lives in memory behind one lock.
/// </summary>
/// <remarks>The routes are split by concern across the partial files of this class.</remarks>
internal sealed partial class TrainingJobsService : IEmulatedService
{
    public const string ApiVersion = "v1";

    public const string FeatureOptIn = "TrainingJobs=V1Preview";

    private const string ResourceType = "Microsoft.MachineLearningServices/workspaces/training_jobs";

    private readonly object _gate = new();
    private readonly EmulatorContext _context;
    private readonly Dictionary<string, EmulatedTrainingJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedOperation> _operations = new(StringComparer.Ordinal);
    private readonly OperationRouter _router;
    private readonly DatasetsService? _datasets;
    private long _sequence;

    public TrainingJobsService(EmulatorContext context, DatasetsService? datasets = null)
    {
        _context = context;
        _datasets = datasets;
        _router = CreateRouter();
    }

    public ServiceResponse Handle(ServiceRequest request)
    {
        ServiceResponse? rejection = CheckProtocol(request);
        if (rejection is not null)
        {
            return rejection;
        }

        lock (_gate)
        {
            AdvanceTo(request.Now);
            return Route(request);
        }
    }

    /// <summary>Reads an artifact for the storage URLs the content infos hand out; null when it does not exist (any more).</summary>
    public StoredBlob? ReadArtifact(string jobName, string attemptId, string path, DateTimeOffset now)
    {
        lock (_gate)
        {
            AdvanceTo(now);
            // A content URL names the attempt itself, never `latest`: what it points at must not move.
            EmulatedAttempt? attempt = _jobs.TryGetValue(jobName, out EmulatedTrainingJob? job) && attemptId != TrainingJobsClient.LatestAttempt
                ? job.Attempt(attemptId)
                : null;
            return attempt is not null && attempt.Artifacts.TryGetValue(path, out EmulatedArtifact? artifact) ? artifact.Read() : null;
        }
    }

    private ServiceResponse Route(ServiceRequest request) => _router.Serve(request);

    /// <summary>One handler per operation of <see cref="TrainingJobsOperations"/>, mapped in the resource's partial file.</summary>
    private OperationRouter CreateRouter()
    {
        var handlers = new Dictionary<ServiceOperation, OperationRouter.Handler>();
        MapJobs(handlers);
        MapServices(handlers);
        MapInputs(handlers);
        MapOutputs(handlers);
        MapAttempts(handlers);
        MapArtifacts(handlers);
        MapMetrics(handlers);
        return new OperationRouter(EmulatedService.TrainingJobs, TrainingJobsOperations.All, handlers);
    }

    /// <summary>A handler of a route below a job: 404 when the job does not exist.</summary>
    private OperationRouter.Handler OfJob(Func<EmulatedTrainingJob, ServiceRequest, IReadOnlyDictionary<string, string>, ServiceResponse> handle) =>
        (request, values) => _jobs.TryGetValue(values["jobName"], out EmulatedTrainingJob? job) ? handle(job, request, values) : JobNotFound(values["jobName"]);

    /// <summary>
    /// A handler of a route below an attempt, given the attempt the route names (<c>latest</c>: the job's latest); 404
    /// when the job or the attempt does not exist (no attempt exists before the job first runs).
    /// </summary>
    private OperationRouter.Handler OfAttempt(Func<EmulatedTrainingJob, EmulatedAttempt, ServiceRequest, IReadOnlyDictionary<string, string>, ServiceResponse> handle) =>
        OfJob((job, request, values) =>
        {
            string attemptId = values["attemptId"];
            return job.Attempt(attemptId) is EmulatedAttempt attempt
                ? handle(job, attempt, request, values)
                : ServiceErrors.Foundry(404, "NotFound", $"Attempt '{attemptId}' of training job '{job.Name}' was not found.");
        });

    /// <summary>Bearer token, api-version and the preview opt-in, checked in that order as a gateway would.</summary>
    private static ServiceResponse? CheckProtocol(ServiceRequest request)
    {
        string? authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            return ServiceErrors.Foundry(401, "Unauthorized", "The request needs a bearer token (Authorization: Bearer ...) for the audience https://ai.azure.com.")
                .WithHeader("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", resource_id=\"https://ai.azure.com\"");
        }

        string? version = request.QueryValue("api-version");
        if (version is null)
        {
            return ServiceErrors.Foundry(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }

        if (version != ApiVersion)
        {
            return ServiceErrors.Foundry(400, "UnsupportedApiVersion", $"The HTTP resource does not support the API version '{version}'. Supported versions: {ApiVersion}.");
        }

        string? features = request.Header("Foundry-Features");
        if (features is null || !features.Split(',').Any(f => string.Equals(f.Trim(), FeatureOptIn, StringComparison.OrdinalIgnoreCase)))
        {
            return ServiceErrors.Foundry(403, "PreviewFeatureNotEnabled", $"This operation requires the preview opt-in '{FeatureOptIn}'. Send it in the Foundry-Features header.");
        }

        return null;
    }

    /// <summary>Plays every job forward to <paramref name="now"/> and completes the operations that are due.</summary>
    private void AdvanceTo(DateTimeOffset now)
    {
        foreach (EmulatedTrainingJob job in _jobs.Values)
        {
            job.AdvanceTo(now);
        }

        foreach (EmulatedOperation operation in _operations.Values)
        {
            if (operation.IsDone || now < operation.CompletesAt)
            {
                continue;
            }

            if (operation.Kind == "delete")
            {
                _jobs.Remove(operation.JobName);
            }

            operation.Succeed();
        }
    }

    private static ServiceResponse JobNotFound(string name) =>
        ServiceErrors.Foundry(404, "NotFound", $"Training job '{name}' was not found.");

    private static ServiceResponse BadQuery(string name, string? value, string expected) =>
        ServiceErrors.Foundry(400, "InvalidQueryParameter", $"The query parameter '{name}' has the invalid value '{value}': expected {expected}.");

    /// <summary>Reads <c>limit</c> of a Foundry list (1 to 100, 20 when absent); the error response when it is invalid, else null.</summary>
    private static ServiceResponse? ReadPageLimit(ServiceRequest request, out int limit)
    {
        int? value = Paging.ReadLimit(request.QueryValue("limit"), 20, 100);
        limit = value ?? 0;
        return value is null ? BadQuery("limit", request.QueryValue("limit"), "an integer from 1 to 100") : null;
    }

    /// <summary>Reads <c>order</c>: whether it asks for descending order, <paramref name="whenAbsent"/> without one; null when invalid.</summary>
    private static bool? ReadDescending(ServiceRequest request, bool whenAbsent) =>
        request.QueryValue("order") switch
        {
            null => whenAbsent,
            "desc" => true,
            "asc" => false,
            _ => null,
        };

    private static bool TryReadLong(ServiceRequest request, string name, out long? value)
    {
        value = null;
        string? text = request.QueryValue(name);
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
