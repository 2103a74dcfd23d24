using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    /// <summary>The routes of this resource (<see cref="TrainingJobsOperations"/>).</summary>
    private void MapJobs(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[TrainingJobsOperations.Create] = (r, _) => Create(r);
        routes[TrainingJobsOperations.GetJobs] = (r, _) => List(r);
        routes[TrainingJobsOperations.Get] = (_, v) => Get(v["name"]);
        routes[TrainingJobsOperations.Delete] = (r, v) => Delete(v["name"], r.Now);
        routes[TrainingJobsOperations.Cancel] = (r, v) => Cancel(v["name"], r.Now);
        routes[TrainingJobsOperations.GetOperationStatus] = (r, v) => GetOperation(v["operationId"], result: false, r.Now);
        routes[TrainingJobsOperations.GetOperationResult] = (r, v) => GetOperation(v["operationId"], result: true, r.Now);
    }

    /// <summary><c>POST /training_jobs</c>: validates, honours the <c>Operation-Id</c> idempotency key, creates the job queued.</summary>
    private ServiceResponse Create(ServiceRequest request)
    {
        string? key = request.Header("Operation-Id");
        if (key is not null && _idempotencyKeys.TryGetValue(key, out string? existingName) && _jobs.TryGetValue(existingName, out EmulatedTrainingJob? existing))
        {
            // The same key again: the create already happened; answer as the first time (with the job as it is now).
            return ServiceResponse.Json(201, JsonBodies.Model(ToModel(existing)));
        }

        string name;
        CommandJob spec;
        try
        {
            using JsonDocument document = JsonDocument.Parse(request.Body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("name", out JsonElement nameElement) || nameElement.ValueKind != JsonValueKind.String ||
                string.IsNullOrWhiteSpace(nameElement.GetString()))
            {
                return ServiceErrors.Foundry(400, "InvalidRequestBody", "The request body must be a JSON object with a non-empty string 'name'.");
            }

            if (!root.TryGetProperty("properties", out JsonElement propertiesElement) || propertiesElement.ValueKind != JsonValueKind.Object)
            {
                return ServiceErrors.Foundry(400, "InvalidRequestBody", "The request body must have a 'properties' object.");
            }

            name = nameElement.GetString()!;
            JobProperties? properties = FoundryTrainingSerializer.Deserialize<JobProperties>(propertiesElement.GetRawText());
            if (properties is not CommandJob command)
            {
                string type = properties?.JobType?.ToString() ?? "(none)";
                return ServiceErrors.Foundry(400, "UnsupportedJobType", $"The job type '{type}' is not supported; use 'command'.");
            }

            spec = command;
        }
        catch (JsonException ex)
        {
            return ServiceErrors.Foundry(400, "InvalidRequestBody", "The request body is not a valid training job: " + ex.Message);
        }

        if (name.Length > 255 || name.IndexOfAny(new[] { '/', '\\', '?', '#', ':' }) >= 0)
        {
            return ServiceErrors.Foundry(400, "InvalidJobName", $"The job name '{name}' is not valid: use at most 255 characters, without '/', '\\', '?', '#' or ':'.");
        }

        ModelValidationResult validation = spec.Validate();
        if (!validation.IsValid)
        {
            return ServiceErrors.Foundry(400, "ValidationError", $"The training job is not valid ({validation.Problems.Count} problem(s)).", validation.Problems);
        }

        if (MissingDataset(spec) is ServiceResponse missing)
        {
            return missing;
        }

        if (ReadTrainingData(spec, out string? dataNote) is ServiceResponse invalid)
        {
            return invalid;
        }

        if (_jobs.ContainsKey(name))
        {
            return ServiceErrors.Foundry(409, "JobAlreadyExists", $"A training job named '{name}' already exists. Job names are unique within a project.");
        }

        if (spec.Training is TrainingConfiguration recipe && recipe.ResolvedFramework is null)
        {
            (TrainingFramework? framework, string? version) = ResolveFramework(recipe);
            TrainingModelFactory.TrainingConfiguration(recipe, framework, version);
        }

        var info = new EmulatedJobInfo(EmulatedService.TrainingJobs, name, spec.Training?.Model, null, EmulatedTrainingJob.Stringify(spec.Tags));
        if (_context.ScenarioOf(info, out string? invalidScenario) is not EmulatedJobScenario scenario)
        {
            return ServiceErrors.Foundry(400, "InvalidEmulatorScenario", $"The tag '{FoundryTrainingEmulatorOptions.ScenarioTag}' has the value '{invalidScenario}': the emulator knows 'retry', 'preempt' and 'fail-then-succeed'.");
        }

        bool fails = _context.ShouldFail(info);
        var job = new EmulatedTrainingJob(name, ++_sequence, spec, request.Now, _context.StepInterval, _context.TrainingSteps, fails, _context.WeightsFileBytes, scenario);
        job.DataNote = dataNote;
        _jobs[name] = job;
        if (key is not null)
        {
            _idempotencyKeys[key] = name;
        }

        return ServiceResponse.Json(201, JsonBodies.Model(ToModel(job)));
    }

    private ServiceResponse Get(string name) =>
        _jobs.TryGetValue(name, out EmulatedTrainingJob? job)
            ? ServiceResponse.Json(200, JsonBodies.Model(ToModel(job)))
            : JobNotFound(name);

    /// <summary><c>GET /training_jobs</c> with the filters of routes.tsp and cursor paging, newest first by default.</summary>
    private ServiceResponse List(ServiceRequest request)
    {
        if (ReadPageLimit(request, out int limit) is { } badLimit)
        {
            return badLimit;
        }

        bool? descending = ReadDescending(request, whenAbsent: true);
        if (descending is null)
        {
            return BadQuery("order", request.QueryValue("order"), "'asc' or 'desc'");
        }

        string? view = request.QueryValue("list_view_type");
        if (view is not null && view != "active_only" && view != "archived_only" && view != "all")
        {
            return BadQuery("list_view_type", view, "'active_only', 'archived_only' or 'all'");
        }

        IEnumerable<EmulatedTrainingJob> jobs = _jobs.Values;
        if (view == "archived_only")
        {
            jobs = Enumerable.Empty<EmulatedTrainingJob>(); // the emulator never archives a job
        }

        if (request.QueryValue("job_type") is string jobType)
        {
            jobs = jobs.Where(_ => string.Equals(jobType, "command", StringComparison.OrdinalIgnoreCase));
        }

        if (request.QueryValue("tag") is string tag)
        {
            jobs = jobs.Where(j => Matches(j.Tags, tag));
        }

        if (request.QueryValue("properties") is string properties)
        {
            string[] filters = properties.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
            jobs = jobs.Where(j => filters.All(f => Matches(j.Properties, f.Trim())));
        }

        List<EmulatedTrainingJob> ordered = descending.Value
            ? jobs.OrderByDescending(j => j.Sequence).ToList()
            : jobs.OrderBy(j => j.Sequence).ToList();
        PageSlice<EmulatedTrainingJob> page = Paging.Cut(ordered, j => j.Name, request.QueryValue("after"), request.QueryValue("before"), limit);
        var models = new PageSlice<TrainingJob>(page.Items.Select(ToModel).ToList(), page.HasMore, page.FirstId, page.LastId);
        return ServiceResponse.Json(200, JsonBodies.Page(models, listObject: false, ids: true));
    }

    /// <summary>
    /// <c>DELETE /training_jobs/{name}</c>: <c>204</c> when there is no such job, else <c>202</c> with a delete operation
    /// that stops the job and removes it one step later.
    /// </summary>
    private ServiceResponse Delete(string name, DateTimeOffset now)
    {
        if (!_jobs.TryGetValue(name, out EmulatedTrainingJob? job))
        {
            return ServiceResponse.Empty(204);
        }

        EmulatedOperation? pending = _operations.Values.FirstOrDefault(o => o.Kind == "delete" && o.JobName == name && !o.IsDone);
        if (pending is null)
        {
            if (!job.IsTerminal)
            {
                job.Cancel(now);
            }

            pending = StartOperation(name, "delete", now, now + _context.StepInterval);
        }

        return Accepted(pending);
    }

    /// <summary>
    /// <c>POST /training_jobs/{name}:cancel</c>: a queued job is canceled at once (<c>200</c>); a running one is asked to
    /// stop and a <c>202</c> operation completes when it has (one step later). Canceling a canceled job is a no-op
    /// (<c>200</c>); a completed or failed job cannot be canceled (<c>409</c>).
    /// </summary>
    private ServiceResponse Cancel(string name, DateTimeOffset now)
    {
        if (!_jobs.TryGetValue(name, out EmulatedTrainingJob? job))
        {
            return JobNotFound(name);
        }

        EmulatedOperation? pending = _operations.Values.FirstOrDefault(o => o.Kind == "cancel" && o.JobName == name && !o.IsDone);
        if (pending is not null)
        {
            return Accepted(pending);
        }

        switch (job.Status)
        {
            case TrainingJobStatus.Canceled:
                return ServiceResponse.Empty(200);
            case TrainingJobStatus.Completed or TrainingJobStatus.Failed:
                return ServiceErrors.Foundry(409, "JobInTerminalState", $"Training job '{name}' has already {job.Status.ToLowerInvariant()} and cannot be canceled.");
        }

        if (job.Cancel(now))
        {
            return ServiceResponse.Empty(200);
        }

        return Accepted(StartOperation(name, "cancel", now, job.CancelCompletesAt));
    }

    /// <summary><c>GET /training_jobs/operations/{id}/status</c> (always the resource) and <c>.../result</c> (<c>202</c> until done).</summary>
    private ServiceResponse GetOperation(string id, bool result, DateTimeOffset now)
    {
        if (!_operations.TryGetValue(id, out EmulatedOperation? operation))
        {
            return ServiceErrors.Foundry(404, "NotFound", $"Operation '{id}' was not found.");
        }

        if (result && !operation.IsDone)
        {
            return WithPollingHeaders(ServiceResponse.Empty(202), operation);
        }

        double progress = operation.IsDone ? 100 : Math.Round(100.0 * (now - operation.StartedAt).Ticks / Math.Max(1, (operation.CompletesAt - operation.StartedAt).Ticks), 1);
        JobOperationResource resource = TrainingModelFactory.JobOperationResource(
            id: operation.Id,
            name: operation.Id,
            status: operation.Status,
            properties: new Dictionary<string, JsonNode?>
            {
                ["job_name"] = operation.JobName,
                ["operation_type"] = operation.Kind,
            },
            startedAt: operation.StartedAt,
            endedAt: operation.EndedAt,
            percentComplete: Math.Min(100, Math.Max(0, progress)));
        ServiceResponse response = ServiceResponse.Json(200, JsonBodies.Model(resource));
        return operation.IsDone ? response : response.WithRetryAfter(_context.StepInterval);
    }

    private EmulatedOperation StartOperation(string name, string kind, DateTimeOffset now, DateTimeOffset completesAt)
    {
        var operation = new EmulatedOperation(Guid.NewGuid().ToString(), name, kind, now, completesAt);
        _operations[operation.Id] = operation;
        return operation;
    }

    private ServiceResponse Accepted(EmulatedOperation operation) => WithPollingHeaders(ServiceResponse.Empty(202), operation);

    private ServiceResponse WithPollingHeaders(ServiceResponse response, EmulatedOperation operation)
    {
        string operations = _context.Endpoint.AbsoluteUri + "/training_jobs/operations/" + Uri.EscapeDataString(operation.Id);
        return response
            .WithHeader("Location", operations + "/result?api-version=" + ApiVersion)
            .WithHeader("Operation-Location", operations + "/status?api-version=" + ApiVersion)
            .WithRetryAfter(_context.StepInterval);
    }

    /// <summary>The job as the service returns it: the properties as created, plus status and system data.</summary>
    private TrainingJob ToModel(EmulatedTrainingJob job)
    {
        CommandJob spec = job.Spec;
        CommandJob properties = TrainingModelFactory.CommandJob(
            computeId: spec.ComputeId,
            command: spec.Command,
            environmentImageReference: spec.EnvironmentImageReference,
            training: spec.Training,
            displayName: spec.DisplayName,
            description: spec.Description,
            tags: spec.Tags,
            properties: spec.Properties,
            codeId: spec.CodeId,
            inputs: spec.Inputs,
            outputs: spec.Outputs,
            environmentVariables: spec.EnvironmentVariables,
            resources: spec.Resources,
            gpuCount: spec.GpuCount,
            distribution: spec.Distribution,
            limits: spec.Limits,
            queueSettings: spec.QueueSettings,
            userAssignedIdentityId: spec.UserAssignedIdentityId,
            status: job.Status);
        foreach (KeyValuePair<string, JsonElement> extra in spec.AdditionalProperties)
        {
            properties.AdditionalProperties[extra.Key] = extra.Value;
        }

        return TrainingModelFactory.TrainingJob(
            name: job.Name,
            id: job.Name,
            type: ResourceType,
            properties: properties,
            systemData: TrainingModelFactory.SystemData(
                createdBy: "emulator@localhost",
                createdByType: "User",
                createdAt: job.CreatedAt,
                lastModifiedBy: "emulator@localhost",
                lastModifiedByType: "User",
                lastModifiedAt: job.ModifiedAt));
    }

    /// <summary>What the service picks when the recipe names no framework: TRL for supervised and preference recipes, verl for reinforcement learning.</summary>
    private static (TrainingFramework? Framework, string? Version) ResolveFramework(TrainingConfiguration recipe)
    {
        if (recipe.Framework is TrainingFramework requested)
        {
            return (requested, "emulated");
        }

        string? algorithm = recipe.Algorithm?.ToString();
        if (algorithm is null)
        {
            return (null, null);
        }

        return algorithm is "grpo" or "ppo" or "rloo" or "reinforce_pp" ? (TrainingFramework.Verl, "0.4.1") : (TrainingFramework.Trl, "0.19.1");
    }

    /// <summary>A <c>key=value</c> filter matches that value; a bare <c>key</c> matches any value.</summary>
    private static bool Matches(IReadOnlyDictionary<string, string> values, string filter)
    {
        int equals = filter.IndexOf('=');
        if (equals < 0)
        {
            return values.ContainsKey(filter);
        }

        return values.TryGetValue(filter.Substring(0, equals), out string? value) &&
            string.Equals(value, filter.Substring(equals + 1), StringComparison.Ordinal);
    }
}
