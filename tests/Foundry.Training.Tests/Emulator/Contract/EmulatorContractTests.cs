using System.Text;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator.Contract;

/// <summary>
/// Every kind of response body the emulator writes, per service, checked field by field against the service's spec
/// (<see cref="SpecSchemas"/>): required properties present, null only where allowed, whole unix seconds, ISO 8601
/// durations. The emulator's clock runs off the whole second on purpose (it ticks in milliseconds; the wire may not).
/// </summary>
public sealed class EmulatorContractTests : IDisposable
{
    private const string BaseModel = "gpt-4o-mini-2024-07-18";
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(1250);

    private static readonly Lazy<SpecSchemas> s_openAI = new(() => SpecSchemas.Load("eng/conformance/specs/openai/openapi.yaml"));
    private static readonly Lazy<SpecSchemas> s_azure = new(() => SpecSchemas.Load("eng/conformance/specs/azure-openai-2024-05-01-preview/azureopenai.yaml"));
    private static readonly Lazy<SpecSchemas> s_foundry = new(() => SpecSchemas.Load("tests/Foundry.Training.Tests/Emulator/Contract/foundry-training-jobs.schemas.yaml"));

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly List<(string Schema, string Body)> _bodies = new();

    public EmulatorContractTests()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(417));
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 6 });
    }

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task FoundryBodies_FollowModelsTsp()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        CommandJob spec = EmulatorJobs.SftWithLora();
        spec.Limits = new CommandJobLimits { Timeout = TimeSpan.FromHours(2) };

        Add("Job", (await client.CreateAsync("contract", spec)).GetRawResponse());
        await AddPagesAsync("Job", client.GetJobsAsync().AsPages());
        await AddPagesAsync("JobAttempt", client.GetAttemptsAsync("contract").AsPages()); // empty: no attempt yet
        Advance(3);
        Add("Job", (await client.GetAsync("contract")).GetRawResponse());
        await AddPagesAsync("JobAttempt", client.GetAttemptsAsync("contract").AsPages());
        Advance(10);
        Add("JobAttempt", (await client.GetAttemptAsync("contract", "latest")).GetRawResponse());
        await AddPagesAsync("JobArtifact", client.GetArtifactsAsync("contract", "1").AsPages());
        Add("JobArtifact", (await client.GetArtifactMetadataAsync("contract", "1", "outputs/model")).GetRawResponse());
        Add("JobArtifactContentInfo", (await client.GetArtifactContentInfoAsync("contract", "1", "logs/std_log.txt")).GetRawResponse());
        await AddPagesAsync("JobArtifactContentInfo", client.GetArtifactContentInfosAsync("contract", "1").AsPages());
        await AddPagesAsync("JobMetric", client.GetMetricsAsync("contract", "1").AsPages());
        await AddPagesAsync("JobMetricLastValue", client.GetMetricLastValuesAsync("contract", "1").AsPages());
        await AddPagesAsync("JobMetricPoint", client.GetMetricPointsAsync("contract", "1", "train/loss").AsPages());
        await AddPagesAsync("JobMetricAggregate", client.GetMetricAggregatesAsync("contract", "1", "train/loss").AsPages());
        Add("JobMetricSample", (await client.GetMetricSamplesAsync("contract", "1", "train/loss")).GetRawResponse());
        await AddPagesAsync("JobOutputReference", client.GetOutputsAsync("contract").AsPages());
        Add("JobOutputReference", (await client.GetOutputAsync("contract", "model")).GetRawResponse());
        Add("TrainingJobServiceCollection", (await client.GetServicesAsync("contract")).GetRawResponse());

        await client.CreateAsync("running", EmulatorJobs.Grpo());
        await client.CreateAsync("failing", EmulatorJobs.SftWithLora(outcome: "failed"));
        Advance(5);
        Add("JobAttempt", (await client.GetAttemptAsync("failing", "1")).GetRawResponse());
        TrainingJobOperation cancel = await client.CancelAsync(WaitUntil.Started, "running");
        Add("JobOperationResource", (await client.GetOperationStatusAsync(cancel.Id)).GetRawResponse());
        Advance(1);
        Add("JobOperationResource", (await client.GetOperationStatusAsync(cancel.Id)).GetRawResponse());
        TrainingJobOperation delete = await client.DeleteAsync(WaitUntil.Started, "contract");
        Add("JobOperationResource", (await client.GetOperationStatusAsync(delete.Id)).GetRawResponse());
        Add("ApiErrorResponse", (await FailureAsync(() => client.GetAsync("missing"))).GetRawResponse()!);
        Add("ApiErrorResponse", (await FailureAsync(() => client.CreateAsync("running", EmulatorJobs.Grpo()))).GetRawResponse()!);
        using (var http = new RawHttp(_emulator))
        {
            // A job the SDK would not send (it validates first): the service's 400 with one detail per problem.
            HttpResponseMessage invalid = await http.FoundryAsync(HttpMethod.Post, "/training_jobs", """{"name":"v","properties":{"job_type":"command","compute_id":"c"}}""");
            _bodies.Add(("ApiErrorResponse", await invalid.Content.ReadAsStringAsync()));
            _bodies[^1].Body.Should().Contain("\"details\"");
        }

        Problems(s_foundry.Value, envelope: "AgentsPagedResult").Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FineTuningBodies_FollowTheSpec(bool azure)
    {
        FineTuningClient client = azure ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();
        FineTuningFilesClient files = client.GetFilesClient();
        string file = azure ? "File" : "OpenAIFile";
        string job = "FineTuningJob";

        Response<FineTuningFile> uploaded = await files.UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune);
        Add(file, uploaded.GetRawResponse());
        Advance(2);
        Add(file, (await files.GetAsync(uploaded.Value.Id!)).GetRawResponse());
        await AddPagesAsync(azure ? "FileList" : "ListFilesResponse", files.GetFilesAsync().AsPages());

        var supervised = new FineTuningJobCreateOptions(BaseModel, uploaded.Value.Id!) { ValidationFile = uploaded.Value.Id, Suffix = "contract", Seed = 7 };
        FineTuningJob first = (await Created(job, client.CreateJobAsync(supervised))).Value;
        var plain = new FineTuningJobCreateOptions(BaseModel, uploaded.Value.Id!);
        if (!azure)
        {
            plain.Method = FineTuningMethod.CreateDpo();
            plain.Metadata["team"] = "contract";
        }

        FineTuningJob second = (await Created(job, client.CreateJobAsync(plain))).Value;
        FineTuningJob failing = (await Created(job, client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, uploaded.Value.Id!) { Suffix = "fail" }))).Value;
        await AddPagesAsync(azure ? "FineTuningJobList" : "ListPaginatedFineTuningJobsResponse", client.GetJobsAsync(new FineTuningJobListOptions { Limit = 2 }).AsPages());
        Advance(1);
        Add(job, (await client.GetJobAsync(first.Id!)).GetRawResponse());
        Advance(2);
        Add(job, (await client.GetJobAsync(first.Id!)).GetRawResponse()); // running, with an estimated finish
        if (!azure)
        {
            Add(job, (await client.PauseJobAsync(second.Id!)).GetRawResponse());
            Add(job, (await client.ResumeJobAsync(second.Id!)).GetRawResponse());
        }

        Add(job, (await client.CancelJobAsync(second.Id!)).GetRawResponse());
        Advance(10);
        Add(job, (await client.GetJobAsync(first.Id!)).GetRawResponse()); // succeeded
        Add(job, (await client.GetJobAsync(failing.Id!)).GetRawResponse()); // failed, with an error
        await AddPagesAsync(azure ? "FineTuningJobEventList" : "ListFineTuningJobEventsResponse", client.GetJobEventsAsync(first.Id!, new FineTuningListOptions { Limit = 7 }).AsPages());
        await AddPagesAsync(azure ? "FineTuningJobCheckpointList" : "ListFineTuningJobCheckpointsResponse", client.GetJobCheckpointsAsync(first.Id!).AsPages());
        await AddPagesAsync(azure ? "ModelList" : "ListModelsResponse", client.GetModelsClient().GetModelsAsync().AsPages());
        Add("Model", (await client.GetModelsClient().GetModelAsync(BaseModel)).GetRawResponse());
        Add("Model", (await client.GetModelsClient().GetModelAsync((await client.GetJobAsync(first.Id!)).Value.FineTunedModel!)).GetRawResponse());
        Response deleted = (await files.DeleteAsync(uploaded.Value.Id!)).GetRawResponse();
        if (azure)
        {
            deleted.Status.Should().Be(204);
        }
        else
        {
            Add("DeleteFileResponse", deleted);
        }

        await AddPagesAsync(azure ? "FileList" : "ListFilesResponse", files.GetFilesAsync(new FineTuningFileListOptions { Purpose = FilePurpose.FineTune }).AsPages());
        Add("ErrorResponse", (await FailureAsync(() => client.GetJobAsync("ftjob-missing"))).GetRawResponse()!);

        string[] expected = azure
            ? Array.Empty<string>()
            : new[]
            {
                // Known gaps of the OpenAI spec, not of the emulator: pause answers a job in state "paused", which the
                // FineTuningJob status enum lacks; an empty file list has no first or last id, and the spec types them
                // as non-nullable strings (the platform sends null).
                "FineTuningJob $.status: 'paused' is not one of the spec's values",
                "ListFilesResponse $.first_id: null where the spec has a non-nullable string",
                "ListFilesResponse $.last_id: null where the spec has a non-nullable string",
            };
        Problems(azure ? s_azure.Value : s_openAI.Value, envelope: null).Should().BeEquivalentTo(expected);
        _bodies.Select(b => b.Schema).Distinct().Should().HaveCount(azure ? 9 : 10, "every kind of body is checked");
    }

    [Fact]
    public async Task IngestionBodies_FollowTheSwagger()
    {
        IngestionJobsClient client = _emulator.CreateAzureOpenAIClient().GetIngestionJobsClient();
        var storage = new SystemComputeStorage { Connection = new EndpointKeyConnection { Endpoint = "https://s.blob.core.windows.net/", Key = "k" }, ContainerName = "docs" };
        storage.Embeddings.Add(new ConnectionEmbeddingSettings { Connection = new DeploymentConnection(), DeploymentName = "ada" });
        var system = new SystemComputeIngestionJob { Datasource = storage, DataRefreshIntervalInHours = 1, CompletionAction = IngestionJobCompletionAction.CleanUpTempAssets };
        var urls = new UserComputeUrl { Crawling = new CrawlingSettings { MaxCrawlDepth = 1 } };
        urls.Urls.Add("https://learn.microsoft.com/a");
        urls.Urls.Add("ftp://files.example.com/b"); // fails its run: an error with inner errors
        urls.Embeddings.Add(new WorkspaceConnectionEmbeddingSettings { ConnectionId = "/connections/aoai", DeploymentName = "ada" });
        var user = new UserComputeIngestionJob { WorkspaceId = "/workspaces/ws", Compute = new CustomCompute { ComputeId = "/computes/c" }, Target = new CosmosDBIndex { ConnectionId = "/connections/cosmos" }, Datasource = urls };

        Add("IngestionJobSystemCompute", (await client.CreateJobAsync("system", system)).GetRawResponse());
        Add("IngestionJobUserCompute", (await client.CreateJobAsync("user", user, "mgmt", "aml")).GetRawResponse());
        for (int i = 0; i < 11; i++)
        {
            await client.CreateJobAsync("more-" + i, system);
        }

        Add("IngestionJobSystemCompute", (await client.GetJobAsync("system")).GetRawResponse());
        Add("IngestionJobUserCompute", (await client.GetJobAsync("user")).GetRawResponse());
        await foreach (Page<IngestionJob> page in client.GetJobsAsync("mgmt").AsPages())
        {
            Add("IngestionJobList", page.GetRawResponse());
            foreach (System.Text.Json.Nodes.JsonNode? item in System.Text.Json.Nodes.JsonNode.Parse(page.GetRawResponse().Content.ToString())!["value"]!.AsArray())
            {
                _bodies.Add((item!["kind"]!.GetValue<string>() == "UserCompute" ? "IngestionJobUserCompute" : "IngestionJobSystemCompute", item.ToJsonString()));
            }
        }

        foreach (int steps in new[] { 0, 1, 3, (int)(TimeSpan.FromHours(11) / s_step) })
        {
            Advance(steps);
            await foreach (Page<IngestionJobRun> page in client.GetRunsAsync("system").AsPages())
            {
                Add("IngestionJobRunList", page.GetRawResponse());
            }

            await foreach (Page<IngestionJobRun> page in client.GetRunsAsync("user", "mgmt").AsPages())
            {
                Add("IngestionJobRunList", page.GetRawResponse());
                foreach (IngestionJobRun run in page.Values)
                {
                    Add("IngestionJobRun", (await client.GetRunAsync("user", run.RunId!, "mgmt")).GetRawResponse());
                }
            }
        }

        Add("ErrorResponse", (await FailureAsync(() => client.GetJobAsync("missing"))).GetRawResponse()!);
        Add("ErrorResponse", (await FailureAsync(() => client.CreateJobAsync("system", new SystemComputeIngestionJob { Datasource = storage }))).GetRawResponse()!);

        Problems(s_azure.Value, envelope: null).Should().BeEmpty();
        _bodies.Select(b => b.Schema).Distinct().Should().HaveCount(6, "every kind of body is checked");
        _bodies.Count(b => b.Schema == "IngestionJobRunList").Should().BeGreaterThan(8, "the runs of an hourly job over eleven hours come in two pages");
    }

    [Fact]
    public async Task FineTuningJob_OpenAI_CarriesTheRequiredNulls_AzureLeavesThemOut()
    {
        var raw = new Dictionary<bool, string>();
        foreach (bool azure in new[] { true, false })
        {
            FineTuningClient client = azure ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();
            FineTuningFile file = await client.GetFilesClient().UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "t.jsonl", FilePurpose.FineTune);
            Advance(2);
            raw[azure] = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, file.Id!))).GetRawResponse().Content.ToString();
        }

        JsonNodeOf(raw[false]).Should().ContainKeys("error", "fine_tuned_model", "finished_at", "trained_tokens", "validation_file", "estimated_finish", "integrations", "metadata");
        foreach (string name in new[] { "error", "fine_tuned_model", "finished_at", "trained_tokens", "validation_file", "estimated_finish", "integrations", "metadata" })
        {
            JsonNodeOf(raw[false])[name].Should().BeNull(name + " is null until it has a value");
        }

        JsonNodeOf(raw[true]).Should().NotContainKeys("error", "fine_tuned_model", "finished_at", "validation_file", "estimated_finish");
        // Azure types hyperparameters as numbers only: unresolved counts are -1 (as the service's examples show), never 'auto'.
        JsonNodeOf(raw[true])["hyperparameters"]!["n_epochs"]!.GetValue<int>().Should().Be(-1);
        JsonNodeOf(raw[true])["hyperparameters"]!.AsObject().Should().NotContainKey("learning_rate_multiplier");
        JsonNodeOf(raw[false])["hyperparameters"]!["n_epochs"]!.GetValue<string>().Should().Be("auto");
    }

    private static IDictionary<string, System.Text.Json.Nodes.JsonNode?> JsonNodeOf(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    private void Advance(int steps) => _clock.Advance(s_step * steps);

    private void Add(string schema, Response response) => _bodies.Add((schema, response.Content.ToString()));

    private async Task<Response<T>> Created<T>(string schema, Task<Response<T>> create)
    {
        Response<T> response = await create;
        Add(schema, response.GetRawResponse());
        return response;
    }

    private async Task AddPagesAsync<T>(string schema, IAsyncEnumerable<Page<T>> pages)
        where T : notnull
    {
        await foreach (Page<T> page in pages)
        {
            Add(schema, page.GetRawResponse());
        }
    }

    private static async Task<RequestFailedException> FailureAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The call was expected to fail.");
    }

    /// <summary>
    /// The problems of every body collected, as <c>Schema $.path: problem</c>. With an <paramref name="envelope"/>
    /// (Foundry's generic <c>AgentsPagedResult</c>), a body of a list checks as the envelope and each item as the schema.
    /// </summary>
    private List<string> Problems(SpecSchemas spec, string? envelope)
    {
        _bodies.Should().NotBeEmpty();
        var problems = new List<string>();
        foreach ((string schema, string body) in _bodies)
        {
            System.Text.Json.Nodes.JsonNode? node = System.Text.Json.Nodes.JsonNode.Parse(body);
            if (envelope is not null && node?["data"] is System.Text.Json.Nodes.JsonArray items && node["has_more"] is not null)
            {
                problems.AddRange(spec.Check(envelope, body).Select(p => envelope + " " + p));
                foreach (System.Text.Json.Nodes.JsonNode? item in items)
                {
                    problems.AddRange(spec.Check(schema, item!.ToJsonString()).Select(p => schema + " " + p));
                }
            }
            else
            {
                problems.AddRange(spec.Check(schema, body).Select(p => schema + " " + p));
            }
        }

        return problems.Distinct().ToList();
    }
}

/// <summary>The checker itself finds what the emulator used to get wrong.</summary>
public sealed class SpecSchemasTests
{
    private static readonly Lazy<SpecSchemas> s_openAI = new(() => SpecSchemas.Load("eng/conformance/specs/openai/openapi.yaml"));
    private static readonly Lazy<SpecSchemas> s_foundry = new(() => SpecSchemas.Load("tests/Foundry.Training.Tests/Emulator/Contract/foundry-training-jobs.schemas.yaml"));

    private const string Job = """
        {"object":"fine_tuning.job","id":"ftjob-1","model":"m","created_at":1796253293,"error":null,"fine_tuned_model":null,"finished_at":null,
         "hyperparameters":{"n_epochs":"auto","batch_size":"auto","learning_rate_multiplier":"auto"},"organization_id":"org","result_files":[],
         "status":"queued","trained_tokens":null,"training_file":"file-1","validation_file":null,"seed":7}
        """;

    [Fact]
    public void AJobAsTheSpecWantsIt_HasNoProblem() => s_openAI.Value.Check("FineTuningJob", Job).Should().BeEmpty();

    [Fact]
    public void FractionalSeconds_MissingNullables_AndNullsWhereNoneAreAllowed_AreProblems()
    {
        string broken = Job.Replace("1796253293", "1796253293.417", StringComparison.Ordinal)
            .Replace("\"fine_tuned_model\":null,", string.Empty, StringComparison.Ordinal)
            .Replace("\"seed\":7", "\"seed\":null", StringComparison.Ordinal)
            .Replace("\"queued\"", "\"paused\"", StringComparison.Ordinal);

        s_openAI.Value.Check("FineTuningJob", broken).Should().BeEquivalentTo(
            "$.created_at: Number 1796253293.417 where the spec has an integer",
            "$.fine_tuned_model: missing (required)",
            "$.seed: null where the spec has a non-nullable integer",
            "$.status: 'paused' is not one of the spec's values");
    }

    [Fact]
    public void FoundryTimestampsAndDurations_AreChecked()
    {
        s_foundry.Value.Check("JobAttempt", """{"id":"1","job_name":"j","started_at":1.5,"ended_at":4294967296,"compute_duration":"5 minutes","error":null}""")
            .Should().BeEquivalentTo(
                "$.started_at: Number 1.5 where the spec has an integer",
                "$.ended_at: 4294967296 is outside int32",
                "$.compute_duration: '5 minutes' is not an ISO 8601 duration",
                "$.error: null where the spec has a non-nullable object");
    }
}
