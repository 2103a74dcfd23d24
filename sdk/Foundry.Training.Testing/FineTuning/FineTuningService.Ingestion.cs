using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// Azure OpenAI ingestion jobs (<c>2024-05-01-preview</c>): <c>/ingestion/jobs</c> (list), <c>/ingestion/jobs/{job-id}</c>
/// (create with <c>PUT</c>, get), <c>/ingestion/jobs/{job-id}/runs</c> (list) and <c>/runs/{run-id}</c> (get); lists are
/// <c>{value, nextLink}</c> pages. User-compute jobs run in the user's workspace: creating one needs the
/// <c>mgmt-user-token</c> and <c>aml-user-token</c> headers, reading its runs the <c>mgmt-user-token</c>, and the job
/// list leaves them out without it.
/// </summary>
internal sealed partial class FineTuningService
{
    /// <summary>The ingestion jobs' operations (Azure OpenAI only).</summary>
    private void MapIngestion(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.CreateIngestion] = (r, v) => CreateIngestionJob(r, v["jobId"]);
        routes[FineTuningOperations.GetIngestions] = (r, _) => ListIngestionJobs(r);
        routes[FineTuningOperations.GetIngestion] = (r, _) => RouteIngestion(r);
        routes[FineTuningOperations.GetIngestionRuns] = (r, _) => RouteIngestion(r);
        routes[FineTuningOperations.GetIngestionRun] = (r, _) => RouteIngestion(r);
    }

    /// <summary>Items on a page of the ingestion lists (the spec has no page size parameter).</summary>
    internal const int IngestionPageSize = 10;

    private const string ManagementUserTokenHeader = "mgmt-user-token";
    private const string AmlUserTokenHeader = "aml-user-token";

    private readonly Dictionary<string, EmulatedIngestionJob> _ingestionJobs = new(StringComparer.Ordinal);

    /// <summary>The answer to a GET of an ingestion job, its runs or one run (Azure OpenAI), once the router matched it.</summary>
    private ServiceResponse RouteIngestion(ServiceRequest request)
    {
        IReadOnlyList<string> s = request.Segments;
        int n = s.Count;
        if (!_ingestionJobs.TryGetValue(s[2], out EmulatedIngestionJob? job))
        {
            return _flavor.NotFound($"Ingestion job {s[2]} not found.");
        }

        if (n == 3)
        {
            return ServiceResponse.Json(200, job.Json);
        }

        if (job.IsUserCompute && !HasToken(request, ManagementUserTokenHeader))
        {
            return ServiceErrors.AzureOpenAI(401, "unauthorized", $"The runs of the user compute job {job.Id} need the workspace token in the {ManagementUserTokenHeader} header.");
        }

        if (n == 4)
        {
            return IngestionPage(request, job.Runs, run => JsonBodies.Model(run.ToModel(request.Now)), "ingestion/jobs/" + Uri.EscapeDataString(job.Id) + "/runs");
        }

        EmulatedIngestionRun? found = job.Runs.FirstOrDefault(r => r.RunId == s[4]);
        return found is null
            ? _flavor.NotFound($"Run {s[4]} of ingestion job {job.Id} not found.")
            : ServiceResponse.Json(200, JsonBodies.Model(found.ToModel(request.Now)));
    }

    /// <summary>Starts the runs that scheduled refreshes have made due.</summary>
    private void AdvanceIngestionTo(DateTimeOffset now)
    {
        foreach (EmulatedIngestionJob job in _ingestionJobs.Values)
        {
            job.AdvanceTo(now);
        }
    }

    /// <summary>
    /// <c>PUT /ingestion/jobs/{job-id}</c>: checks the job as the service would (a known <c>kind</c>, the properties the
    /// spec requires, a data source, the user's tokens for a user-compute job), stores it and starts its first run,
    /// named by <c>Operation-Location</c>. The same job again is answered as it was; another job under a taken id is a
    /// <c>409</c>.
    /// </summary>
    private ServiceResponse CreateIngestionJob(ServiceRequest request, string id)
    {
        IngestionJob? job;
        try
        {
            job = FoundryTrainingSerializer.Deserialize<IngestionJob>(BinaryData.FromBytes(request.Body));
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The request body is not a valid ingestion job: " + ex.Message);
        }

        if (job is null)
        {
            return _flavor.BadRequest("The request body must be a JSON object.");
        }

        if (job is UnknownIngestionJob)
        {
            return _flavor.BadRequest("The job 'kind' must be SystemCompute or UserCompute.", "kind");
        }

        if (job.JobId is not null && job.JobId != id)
        {
            return _flavor.BadRequest($"The body's jobId '{job.JobId}' is not the job id of the path, '{id}'.", "jobId");
        }

        List<(string Path, string Problem)> problems = IngestionProblems(job);
        if (problems.Count > 0)
        {
            return _flavor.BadRequest(string.Join(" ", problems.Select(p => $"{p.Path}: {p.Problem}.")), problems[0].Path);
        }

        if (job is UserComputeIngestionJob && (!HasToken(request, ManagementUserTokenHeader) || !HasToken(request, AmlUserTokenHeader)))
        {
            return ServiceErrors.AzureOpenAI(401, "unauthorized", $"A user compute job needs the user's tokens in the {ManagementUserTokenHeader} and {AmlUserTokenHeader} headers.");
        }

        job.JobId = id;
        byte[] json = JsonBodies.Model(job);
        if (_ingestionJobs.TryGetValue(id, out EmulatedIngestionJob? existing))
        {
            return existing.Json.AsSpan().SequenceEqual(json)
                ? IngestionJobCreated(existing)
                : ServiceErrors.AzureOpenAI(409, "itemDoesAlreadyExist", $"An ingestion job with the id '{id}' already exists with another definition.", "job-id");
        }

        var created = new EmulatedIngestionJob(id, ++_sequence, job, json, request.Now, _context.StepInterval, IngestionFailure(job, id));
        _ingestionJobs[id] = created;
        return IngestionJobCreated(created);
    }

    private ServiceResponse IngestionJobCreated(EmulatedIngestionJob job) =>
        ServiceResponse.Json(200, job.Json).WithHeader(
            "Operation-Location",
            $"{_context.Endpoint.AbsoluteUri}/openai/ingestion/jobs/{Uri.EscapeDataString(job.Id)}/runs/{job.LatestRun.RunId}?api-version={AzureApiVersion}");

    /// <summary>Oldest first; without the workspace token, the user-compute jobs are left out.</summary>
    private ServiceResponse ListIngestionJobs(ServiceRequest request)
    {
        bool workspace = HasToken(request, ManagementUserTokenHeader);
        List<EmulatedIngestionJob> jobs = _ingestionJobs.Values.Where(j => workspace || !j.IsUserCompute).OrderBy(j => j.Sequence).ToList();
        return IngestionPage(request, jobs, j => j.Json, "ingestion/jobs");
    }

    /// <summary>A <c>{value, nextLink}</c> page of <see cref="IngestionPageSize"/> items from the <c>skipToken</c> the previous page's link carries.</summary>
    private ServiceResponse IngestionPage<T>(ServiceRequest request, IReadOnlyList<T> items, Func<T, byte[]> write, string path)
    {
        int skip = 0;
        string? token = request.QueryValue("skipToken");
        if (token is not null && (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip) || skip > items.Count))
        {
            return _flavor.BadRequest($"The skipToken '{token}' is not one this service issued.", "skipToken");
        }

        int end = Math.Min(items.Count, skip + IngestionPageSize);
        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WriteStartArray("value");
            for (int i = skip; i < end; i++)
            {
                writer.WriteRawValue(write(items[i]), skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (end < items.Count)
            {
                writer.WriteString("nextLink", $"{_context.Endpoint.AbsoluteUri}/openai/{path}?api-version={AzureApiVersion}&skipToken={end}");
            }
        }));
    }

    /// <summary>A run fails when the job reads URLs that are not http(s), or when the emulator's options say it fails.</summary>
    private IngestionError? IngestionFailure(IngestionJob job, string id)
    {
        string[] unreadable = EmulatedIngestionJob.Urls(job)
            .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            .ToArray();
        if (unreadable.Length > 0)
        {
            return FineTuningModelFactory.IngestionError("Preprocessing failed: some URLs could not be read.", unreadable.Select(url => $"'{url}' is not an http or https URL."));
        }

        return _context.ShouldFail(new EmulatedJobInfo(_flavor.Service, id, null, null, new Dictionary<string, string>()))
            ? FineTuningModelFactory.IngestionError("Preprocessing failed.", new[] { "emulated_failure: the emulator was told to fail this job." })
            : null;
    }

    /// <summary>What the spec requires of a job (and a data source, which any job needs), as <c>(path, problem)</c>.</summary>
    private static List<(string Path, string Problem)> IngestionProblems(IngestionJob job)
    {
        var problems = new List<(string, string)>();
        void Require(bool present, string path)
        {
            if (!present)
            {
                problems.Add((path, "is required"));
            }
        }

        void RequireConnection(IngestionConnection? connection, string path, bool required)
        {
            Require(connection is not null || !required, path);
            switch (connection)
            {
                case EndpointKeyConnection key:
                    Require(!string.IsNullOrEmpty(key.Endpoint), path + ".endpoint");
                    Require(!string.IsNullOrEmpty(key.Key), path + ".key");
                    break;
                case ConnectionStringConnection text:
                    Require(!string.IsNullOrEmpty(text.ConnectionString), path + ".connectionString");
                    break;
                case EndpointManagedIdentityConnection identity:
                    Require(!string.IsNullOrEmpty(identity.Endpoint), path + ".endpoint");
                    break;
                case WorkspaceConnection workspace:
                    Require(!string.IsNullOrEmpty(workspace.ConnectionId), path + ".connectionId");
                    break;
            }
        }

        void RequireEmbeddings(IList<ConnectionEmbeddingSettings> embeddings)
        {
            Require(embeddings.Count > 0, "datasource.embeddings");
            for (int i = 0; i < embeddings.Count; i++)
            {
                RequireConnection(embeddings[i].Connection, $"datasource.embeddings[{i}].connection", required: false);
            }
        }

        switch (job)
        {
            case SystemComputeIngestionJob system:
                RequireConnection(system.SearchServiceConnection, "searchServiceConnection", required: false);
                switch (system.Datasource)
                {
                    case SystemComputeStorage storage:
                        RequireConnection(storage.Connection, "datasource.connection", required: true);
                        Require(!string.IsNullOrEmpty(storage.ContainerName), "datasource.containerName");
                        RequireEmbeddings(storage.Embeddings);
                        break;
                    case SystemComputeUrl urls:
                        Require(urls.Urls.Count > 0, "datasource.urls");
                        RequireConnection(urls.Connection, "datasource.connection", required: true);
                        Require(!string.IsNullOrEmpty(urls.ContainerName), "datasource.containerName");
                        RequireEmbeddings(urls.Embeddings);
                        break;
                    case null:
                        Require(false, "datasource");
                        break;
                }

                break;
            case UserComputeIngestionJob user:
                Require(!string.IsNullOrEmpty(user.WorkspaceId), "workspaceId");
                Require(user.Compute is not CustomCompute { ComputeId: null or "" }, "compute.computeId");
                Require(
                    user.Target is not (AzureAISearchIndex { ConnectionId: null or "" } or CosmosDBIndex { ConnectionId: null or "" } or PineconeIndex { ConnectionId: null or "" }),
                    "target.connectionId");
                switch (user.Datasource)
                {
                    case UserComputeDataset dataset:
                        Require(!string.IsNullOrEmpty(dataset.DatasetId), "datasource.datasetId");
                        Require(!string.IsNullOrEmpty(dataset.DatasetType), "datasource.datasetType");
                        break;
                    case UserComputeUrl urls:
                        Require(urls.Urls.Count > 0, "datasource.urls");
                        Require(urls.Embeddings.Count > 0, "datasource.embeddings");
                        break;
                    case null:
                        Require(false, "datasource");
                        break;
                }

                break;
        }

        return problems;
    }

    private static bool HasToken(ServiceRequest request, string header) => !string.IsNullOrEmpty(request.Header(header));
}
