using System.Diagnostics.Tracing;
using Azure;
using Azure.Core.Diagnostics;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Foundry.Training.Tests.FineTuning.Ingestion.IngestionRecordings;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning.Ingestion;

public sealed class IngestionJobsClientTests : IDisposable
{
    private const string WorkspaceId = "/subscriptions/f375b912-331c-4fc5-8e9f-2d7205e3e036/resourceGroups/adrama-copilot-demo/providers/Microsoft.MachineLearningServices/workspaces/adrama-rag-dev";
    private const string OperationLocation = "https://aoairesource.openai.azure.com/openai/ingestion/jobs/ingestion-job/runs/72a2792ef7d24ba7b82c7fe4a37e379f?api-version=2024-05-01-preview";

    private readonly MockService _service = new();
    private readonly IngestionJobsClient _client;

    public IngestionJobsClientTests()
    {
        _client = CreateClient(_service);
    }

    public void Dispose() => _service.Dispose();

    private static IngestionJobsClient CreateClient(MockService service)
    {
        var options = new FineTuningClientOptions();
        return new IngestionJobsClient(ServicePipelineFactory.ForAzureOpenAI(service.Endpoint, new AzureKeyCredential(ApiKey), options), options);
    }

    private static void AssertRequest(ILogEntry entry, string method, string path, string? managementUserToken = null, string? amlUserToken = null)
    {
        entry.RequestMessage.Method.Should().Be(method);
        entry.RequestMessage.Path.Should().Be(path);
        entry.Query("api-version").Should().Be("2024-05-01-preview");
        entry.Header("api-key").Should().Be(ApiKey);
        entry.Header("Accept").Should().Be("application/json");
        entry.Header("mgmt-user-token").Should().Be(managementUserToken);
        entry.Header("aml-user-token").Should().Be(amlUserToken);
    }

    private static async Task<List<T>> ToListAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        var items = new List<T>();
        await foreach (T item in pageable)
        {
            items.Add(item);
        }

        return items;
    }

    private static SystemComputeIngestionJob SystemComputeExample() => new()
    {
        SearchServiceConnection = new EndpointManagedIdentityConnection { Endpoint = "https://aykame-dev-search.search.windows.net" },
        Datasource = new SystemComputeStorage
        {
            Connection = new EndpointManagedIdentityConnection
            {
                Endpoint = "https://mystorage.blob.core.windows.net/",
                ResourceId = "/subscriptions/1234567-abcd-1234-5678-1234abcd/resourceGroups/my-resource/providers/Microsoft.Storage/storageAccounts/mystorage",
            },
            ContainerName = "container",
            Chunking = new ChunkingSettings { MaxChunkSizeInTokens = 2048 },
            Embeddings = { new ConnectionEmbeddingSettings { Connection = new DeploymentConnection(), DeploymentName = "Ada" } },
        },
        DataRefreshIntervalInHours = 24,
        CompletionAction = IngestionJobCompletionAction.KeepAllAssets,
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateJob_SystemCompute_SendsTheExampleWithoutUserTokens(bool async)
    {
        Use(_service, "put_ingestion_job_sc");

        Response<IngestionJob> response = async
            ? await _client.CreateJobAsync("ingestion-job", SystemComputeExample())
            : _client.CreateJob("ingestion-job", SystemComputeExample());

        ILogEntry request = _service.SingleRequest;
        AssertRequest(request, "PUT", "/openai/ingestion/jobs/ingestion-job");
        request.Header("Content-Type").Should().StartWith("application/json");
        JsonAssert.Equivalent(RequestBody("put_ingestion_job_sc"), request.RequestMessage.Body!);

        var job = response.Value.Should().BeOfType<SystemComputeIngestionJob>().Subject;
        job.Kind.Should().Be(IngestionJobType.SystemCompute);
        job.JobId.Should().Be("ingestion-job");
        job.CompletionAction.Should().Be(IngestionJobCompletionAction.KeepAllAssets);
        job.DataRefreshIntervalInHours.Should().Be(24);
        job.SearchServiceConnection.Should().BeOfType<EndpointManagedIdentityConnection>().Which.Endpoint.Should().Be("https://aykame-dev-search.search.windows.net");
        var storage = job.Datasource.Should().BeOfType<SystemComputeStorage>().Subject;
        storage.ContainerName.Should().Be("container");
        storage.Chunking!.MaxChunkSizeInTokens.Should().Be(2048);
        storage.Embeddings.Should().ContainSingle().Which.Connection.Should().BeOfType<DeploymentConnection>();
        response.GetRawResponse().Headers.TryGetValue("operation-location", out string? location).Should().BeTrue();
        location.Should().Be(OperationLocation);
        JsonAssert.Equivalent(ResponseBody("put_ingestion_job_sc"), FoundryTrainingSerializer.Serialize(response.Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateJob_UserCompute_SendsBothUserTokens(bool async)
    {
        Use(_service, "put_ingestion_job_uc_spec_kinds");
        var job = new UserComputeIngestionJob
        {
            WorkspaceId = WorkspaceId,
            Compute = new ServerlessCompute(),
            Target = new AzureAISearchIndex { ConnectionId = WorkspaceId + "/connections/search-connection" },
            Datasource = new UserComputeDataset
            {
                DatasetId = "azureml://locations/centraluseuap/workspaces/83317fe6-efa6-4e4a-b020-d0edd11ec382/data/PlainText/versions/1",
                DatasetType = "uri_folder",
            },
        };

        Response<IngestionJob> response = async
            ? await _client.CreateJobAsync("ingestion-job", job, ManagementUserToken, AmlUserToken)
            : _client.CreateJob("ingestion-job", job, ManagementUserToken, AmlUserToken);

        ILogEntry request = _service.SingleRequest;
        AssertRequest(request, "PUT", "/openai/ingestion/jobs/ingestion-job", ManagementUserToken, AmlUserToken);
        JsonAssert.Equivalent(RequestBody("put_ingestion_job_uc_spec_kinds"), request.RequestMessage.Body!);

        var created = response.Value.Should().BeOfType<UserComputeIngestionJob>().Subject;
        created.WorkspaceId.Should().Be(WorkspaceId);
        created.Compute.Should().BeOfType<ServerlessCompute>().Which.Kind.Should().Be(IngestionComputeType.ServerlessCompute);
        created.Target.Should().BeOfType<AzureAISearchIndex>().Which.ConnectionId.Should().EndWith("/connections/search-connection");
        created.Datasource.Should().BeOfType<UserComputeDataset>().Which.Embeddings.Should().BeNull();
        JsonAssert.Equivalent(ResponseBody("put_ingestion_job_uc_spec_kinds"), FoundryTrainingSerializer.Serialize(response.Value));
    }

    [Fact]
    public async Task CreateJob_UserComputeExample_KindsTheSpecDoesNotListRoundTripUnchanged()
    {
        // The example spells the compute, target and datasource kinds "serverless", "acs" and "dataset", which the
        // spec's schemas do not define: they are read as Unknown* models and sent back exactly as received.
        Use(_service, "put_ingestion_job_uc");
        IngestionJob job = FoundryTrainingSerializer.Deserialize<IngestionJob>(RequestBody("put_ingestion_job_uc"))!;
        var userCompute = job.Should().BeOfType<UserComputeIngestionJob>().Subject;
        userCompute.Compute.Should().BeOfType<UnknownIngestionJobCompute>().Which.Kind.Should().Be((IngestionComputeType)"serverless");
        userCompute.Target.Should().BeOfType<UnknownIngestionTargetIndex>().Which.Kind.Should().Be((IngestionTargetType)"acs");
        userCompute.Datasource.Should().BeOfType<UnknownUserComputeDatasource>().Which.Kind.Should().Be((UserComputeDatasourceType)"dataset");

        Response<IngestionJob> response = await _client.CreateJobAsync("ingestion-job", job, managementUserToken: ManagementUserToken, amlUserToken: AmlUserToken);

        AssertRequest(_service.SingleRequest, "PUT", "/openai/ingestion/jobs/ingestion-job", ManagementUserToken, AmlUserToken);
        JsonAssert.Equivalent(RequestBody("put_ingestion_job_uc"), _service.SingleRequest.RequestMessage.Body!);
        JsonAssert.Equivalent(ResponseBody("put_ingestion_job_uc"), FoundryTrainingSerializer.Serialize(response.Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetJob_ReadsTheExample(bool async)
    {
        Use(_service, "get_ingestion_job");

        Response<IngestionJob> response = async ? await _client.GetJobAsync("ingestion-job") : _client.GetJob("ingestion-job");

        AssertRequest(_service.SingleRequest, "GET", "/openai/ingestion/jobs/ingestion-job");
        var job = response.Value.Should().BeOfType<UserComputeIngestionJob>().Subject;
        job.JobId.Should().Be("ingestion-job");
        job.WorkspaceId.Should().Be(WorkspaceId);
        job.Datasource.Should().BeOfType<UnknownUserComputeDatasource>().Which.AdditionalProperties["datasetType"].GetString().Should().Be("uri_folder");
        JsonAssert.Equivalent(ResponseBody("get_ingestion_job"), FoundryTrainingSerializer.Serialize(response.Value));
    }

    [Fact]
    public async Task GetJob_EscapesTheJobId()
    {
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody("""{"kind":"SystemCompute","jobId":"x/y?z#w"}"""));

        (await _client.GetJobAsync("x/y?z#w")).Value.JobId.Should().Be("x/y?z#w");

        // Reserved characters stay inside the path segment.
        _service.SingleRequest.RequestMessage.Url.Should().EndWith("/openai/ingestion/jobs/x%2Fy%3Fz%23w?api-version=2024-05-01-preview");
    }

    [Fact]
    public async Task GetJob_NotFoundIsARequestFailedException()
    {
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(404)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"code":"NotFound","message":"Ingestion job 'nope' was not found."}}"""));

        var failure = (await _client.Awaiting(c => c.GetJobAsync("nope")).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(404);
        failure.ErrorCode.Should().Be("NotFound");
        failure.Message.Should().Contain("was not found");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetJobs_ReadsTheExampleWithTheManagementToken(bool async)
    {
        Use(_service, "list_ingestion_jobs");

        List<IngestionJob> jobs = async
            ? await ToListAsync(_client.GetJobsAsync(ManagementUserToken))
            : _client.GetJobs(ManagementUserToken).ToList();

        AssertRequest(_service.SingleRequest, "GET", "/openai/ingestion/jobs", ManagementUserToken);
        jobs.Select(j => (j.JobId, j.Kind)).Should().Equal(
            ("usercompute-ingestion-job", IngestionJobType.UserCompute),
            ("syscompute-ingestion-job", IngestionJobType.SystemCompute));
        jobs[0].Should().BeOfType<UserComputeIngestionJob>().Which.WorkspaceId.Should().Be(WorkspaceId);
        jobs[1].Should().BeOfType<SystemComputeIngestionJob>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetJobs_FollowsTheNextLinkAndSendsTheTokenWithEveryPage(bool async)
    {
        Use(_service, "list_ingestion_jobs_page1", "list_ingestion_jobs_page2");

        var pages = new List<Page<IngestionJob>>();
        if (async)
        {
            await foreach (Page<IngestionJob> page in _client.GetJobsAsync(ManagementUserToken).AsPages())
            {
                pages.Add(page);
            }
        }
        else
        {
            pages.AddRange(_client.GetJobs(ManagementUserToken).AsPages());
        }

        pages.Select(p => p.Values.Single().JobId).Should().Equal("usercompute-ingestion-job", "syscompute-ingestion-job");
        pages[0].ContinuationToken.Should().Be(_service.Endpoint.AbsoluteUri.TrimEnd('/') + "/openai/ingestion/jobs?api-version=2024-05-01-preview&$skiptoken=page2");
        pages[1].ContinuationToken.Should().BeNull();
        _service.Requests.Should().HaveCount(2);
        foreach (ILogEntry request in _service.Requests)
        {
            AssertRequest(request, "GET", "/openai/ingestion/jobs", ManagementUserToken);
        }

        _service.Requests[0].Query("$skiptoken").Should().BeNull();
        _service.Requests[1].Query("$skiptoken").Should().Be("page2");
    }

    [Fact]
    public async Task GetJobs_WithoutATokenSendsNone()
    {
        _service.Server.Given(Request.Create().WithPath("/openai/ingestion/jobs").UsingGet())
            .RespondWith(Response.Create().WithBody("""{"value":[{"jobId":"j","kind":"SystemCompute"}]}"""));

        (await ToListAsync(_client.GetJobsAsync())).Should().ContainSingle();

        AssertRequest(_service.SingleRequest, "GET", "/openai/ingestion/jobs");
    }

    [Fact]
    public async Task GetJobs_ANextLinkToAnotherHostDoesNotReceiveTheToken()
    {
        using var elsewhere = new MockService();
        elsewhere.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody("""{"value":[{"jobId":"b","kind":"SystemCompute"}]}"""));
        string next = elsewhere.Endpoint.AbsoluteUri.TrimEnd('/') + "/openai/ingestion/jobs?page=2";
        _service.Server.Given(Request.Create().WithPath("/openai/ingestion/jobs").UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[{"jobId":"a","kind":"SystemCompute"}],"nextLink":"{{next}}"}"""));

        List<IngestionJob> jobs = await ToListAsync(_client.GetJobsAsync(ManagementUserToken));

        jobs.Select(j => j.JobId).Should().Equal("a", "b");
        _service.SingleRequest.Header("mgmt-user-token").Should().Be(ManagementUserToken);
        elsewhere.SingleRequest.Header("mgmt-user-token").Should().BeNull();
    }

    [Fact]
    public async Task GetJobs_AJobOfAnUnknownKindDoesNotFailThePage()
    {
        const string future = """{"jobId":"f","kind":"FutureCompute","quantum":{"qubits":8}}""";
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(
            $$"""{"value":[{"jobId":"a","kind":"SystemCompute"},{{future}},{"jobId":"n"}]}"""));

        List<IngestionJob> jobs = _client.GetJobs().ToList();

        jobs.Select(j => j.GetType()).Should().Equal(typeof(SystemComputeIngestionJob), typeof(UnknownIngestionJob), typeof(UnknownIngestionJob));
        jobs[1].Kind.Should().Be((IngestionJobType)"FutureCompute");
        jobs[1].JobId.Should().Be("f");
        jobs[2].Kind.Should().BeNull();
        JsonAssert.Equivalent(future, FoundryTrainingSerializer.Serialize(jobs[1]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetRuns_ReadsTheExample(bool async)
    {
        Use(_service, "list_ingestion_job_runs");

        List<IngestionJobRun> runs = async
            ? await ToListAsync(_client.GetRunsAsync("ingestion-job", ManagementUserToken))
            : _client.GetRuns("ingestion-job", ManagementUserToken).ToList();

        AssertRequest(_service.SingleRequest, "GET", "/openai/ingestion/jobs/ingestion-job/runs", ManagementUserToken);
        runs.Select(r => (r.JobId, r.RunId, r.Status)).Should().Equal(
            ("ingestion-job", "f375b912-331c-4fc5-8e9f-2d7205e3e036", IngestionOperationState.Succeeded),
            ("ingestion-job", "07f2d192-add7-4202-a2e3-858c2577f4fd", IngestionOperationState.Failed),
            ("ingestion-job", "5ef7a436-1147-4cbb-82e0-3d502bcc6a7b", IngestionOperationState.Running));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetRuns_FollowsTheNextLink(bool async)
    {
        Use(_service, "list_ingestion_job_runs_page1", "list_ingestion_job_runs_page2");

        List<IngestionJobRun> runs = async
            ? await ToListAsync(_client.GetRunsAsync("ingestion-job", ManagementUserToken))
            : _client.GetRuns("ingestion-job", ManagementUserToken).ToList();

        runs.Should().HaveCount(3);
        runs[2].RunId.Should().Be("5ef7a436-1147-4cbb-82e0-3d502bcc6a7b");
        _service.Requests.Should().HaveCount(2);
        foreach (ILogEntry request in _service.Requests)
        {
            AssertRequest(request, "GET", "/openai/ingestion/jobs/ingestion-job/runs", ManagementUserToken);
        }

        _service.Requests[1].Query("$skiptoken").Should().Be("page2");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetRun_ReadsTheExample(bool async)
    {
        Use(_service, "get_ingestion_job_run");
        const string runId = "5ef7a436-1147-4cbb-82e0-3d502bcc6a7b";

        Response<IngestionJobRun> response = async
            ? await _client.GetRunAsync("ingestion-job", runId, ManagementUserToken)
            : _client.GetRun("ingestion-job", runId, ManagementUserToken);

        AssertRequest(_service.SingleRequest, "GET", "/openai/ingestion/jobs/ingestion-job/runs/" + runId, ManagementUserToken);
        IngestionJobRun run = response.Value;
        run.JobId.Should().Be("ingestion-job");
        run.RunId.Should().Be(runId);

        // The example spells states in PascalCase: the value is kept as sent and compared case-sensitively.
        run.Status.ToString().Should().Be("Running");
        run.Status.Should().NotBe(IngestionOperationState.Running);
        run.Progress!.StageProgress.Select(s => (s.Name, s.TotalItems, s.ProcessedItems, s.State.ToString())).Should().Equal(
            ("Preprocessing", 14, 0, "NotRunning"),
            ("Indexing", (int?)null, (int?)null, "NotRunning"));
        run.Error.Should().BeNull();
        run.Warnings.Should().BeNull();
        JsonAssert.Equivalent(ResponseBody("get_ingestion_job_run"), FoundryTrainingSerializer.Serialize(run));
    }

    [Fact]
    public async Task BadArgumentsAreRejectedBeforeAnyRequest()
    {
        var job = new SystemComputeIngestionJob();

        await _client.Awaiting(c => c.CreateJobAsync(null!, job)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("jobId");
        await _client.Awaiting(c => c.CreateJobAsync(string.Empty, job)).Should().ThrowAsync<ArgumentException>().WithParameterName("jobId");
        await _client.Awaiting(c => c.CreateJobAsync("j", null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("job");
        await _client.Awaiting(c => c.CreateJobAsync("j", job, managementUserToken: string.Empty)).Should().ThrowAsync<ArgumentException>().WithParameterName("managementUserToken");
        await _client.Awaiting(c => c.CreateJobAsync("j", job, amlUserToken: string.Empty)).Should().ThrowAsync<ArgumentException>().WithParameterName("amlUserToken");
        _client.Invoking(c => c.GetJob(null!)).Should().Throw<ArgumentNullException>().WithParameterName("jobId");
        _client.Invoking(c => c.GetJobs(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("managementUserToken");
        _client.Invoking(c => c.GetJobsAsync(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("managementUserToken");
        _client.Invoking(c => c.GetRuns(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("jobId");
        _client.Invoking(c => c.GetRunsAsync(null!)).Should().Throw<ArgumentNullException>().WithParameterName("jobId");
        _client.Invoking(c => c.GetRun("j", null!)).Should().Throw<ArgumentNullException>().WithParameterName("runId");
        await _client.Awaiting(c => c.GetRunAsync(string.Empty, "r")).Should().ThrowAsync<ArgumentException>().WithParameterName("jobId");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task UserTokensNeverReachTheLogs()
    {
        Use(_service, "put_ingestion_job_uc_spec_kinds");
        var job = FoundryTrainingSerializer.Deserialize<IngestionJob>(RequestBody("put_ingestion_job_uc_spec_kinds"))!;
        var messages = new List<string>();
        using (new AzureEventSourceListener((_, message) => { lock (messages) { messages.Add(message); } }, EventLevel.Verbose))
        {
            await _client.CreateJobAsync("ingestion-job", job, ManagementUserToken, AmlUserToken);
        }

        lock (messages)
        {
            messages.Should().Contain(m => m.Contains("mgmt-user-token", StringComparison.OrdinalIgnoreCase) && m.Contains("/openai/ingestion/jobs/ingestion-job"));
            messages.Should().NotContain(m => m.Contains(ManagementUserToken) || m.Contains(AmlUserToken) || m.Contains(ApiKey));
        }
    }

    [Fact]
    public async Task TheClientCanBeMocked()
    {
        IngestionJobRun run = FineTuningModelFactory.IngestionJobRun(jobId: "j", runId: "r", status: IngestionOperationState.Succeeded);
        IIngestionJobsClient mock = new StubClient(run);

        (await mock.GetRunAsync("j", "r")).Value.Should().BeSameAs(run);
        new StubClient(run).Invoking(c => c.GetJob("j")).Should().Throw<InvalidOperationException>().WithMessage("*mocking*");
    }

    private sealed class StubClient : IngestionJobsClient
    {
        private readonly IngestionJobRun _run;

        public StubClient(IngestionJobRun run) => _run = run;

        public override Task<Response<IngestionJobRun>> GetRunAsync(string jobId, string runId, string? managementUserToken = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Azure.Response.FromValue(_run, null!));
    }
}
