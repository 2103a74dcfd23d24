using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The emulated Azure OpenAI ingestion jobs: create (<c>PUT</c>), get and list jobs, runs that move through their stages
/// as the clock moves, scheduled refreshes, <c>{value, nextLink}</c> paging, the user's tokens, and the checks and
/// errors of each route.
/// </summary>
public sealed class IngestionJobsEmulatorTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly IngestionJobsClient _client;
    private readonly RawHttp _http;

    public IngestionJobsEmulatorTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            TimeProvider = _clock,
            StepInterval = s_step,
            FailWhen = job => job.Service == EmulatedService.AzureOpenAI && job.Id.StartsWith("doomed", StringComparison.Ordinal),
        });
        _client = _emulator.CreateAzureOpenAIClient().GetIngestionJobsClient();
        _http = new RawHttp(_emulator);
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    private static SystemComputeIngestionJob StorageJob(int? refreshHours = null)
    {
        var storage = new SystemComputeStorage
        {
            Connection = new EndpointManagedIdentityConnection { Endpoint = "https://mystorage.blob.core.windows.net/" },
            ContainerName = "docs",
        };
        storage.Embeddings.Add(new ConnectionEmbeddingSettings { Connection = new DeploymentConnection(), DeploymentName = "ada" });
        return new SystemComputeIngestionJob
        {
            SearchServiceConnection = new EndpointManagedIdentityConnection { Endpoint = "https://search.search.windows.net" },
            Datasource = storage,
            DataRefreshIntervalInHours = refreshHours,
            CompletionAction = IngestionJobCompletionAction.KeepAllAssets,
        };
    }

    private static SystemComputeIngestionJob UrlJob(params string[] urls)
    {
        var source = new SystemComputeUrl { Connection = new EndpointManagedIdentityConnection { Endpoint = "https://mystorage.blob.core.windows.net/" }, ContainerName = "web" };
        foreach (string url in urls)
        {
            source.Urls.Add(url);
        }

        source.Embeddings.Add(new ConnectionEmbeddingSettings { Connection = new DeploymentConnection(), DeploymentName = "ada" });
        return new SystemComputeIngestionJob { Datasource = source };
    }

    private static UserComputeIngestionJob WorkspaceJob()
    {
        return new UserComputeIngestionJob
        {
            WorkspaceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws",
            Compute = new ServerlessCompute { Sku = "Standard_D4", InstanceCount = 1 },
            Target = new AzureAISearchIndex { ConnectionId = "/connections/search" },
            Datasource = new UserComputeDataset { DatasetId = "azureml://datasets/docs/versions/1", DatasetType = "uri_folder" },
        };
    }

    [Fact]
    public async Task ACreatedJob_StartsARun_ThatWorksThroughItsStagesAsTheClockMoves()
    {
        Response<IngestionJob> created = await _client.CreateJobAsync("docs", StorageJob());

        created.GetRawResponse().Status.Should().Be(200);
        SystemComputeIngestionJob job = created.Value.Should().BeOfType<SystemComputeIngestionJob>().Subject;
        job.JobId.Should().Be("docs");
        job.CompletionAction.Should().Be(IngestionJobCompletionAction.KeepAllAssets);
        string location = created.GetRawResponse().Headers.TryGetValue("Operation-Location", out string? value) ? value! : "";
        location.Should().StartWith(_emulator.Endpoint.AbsoluteUri + "/openai/ingestion/jobs/docs/runs/").And.EndWith("?api-version=2024-05-01-preview");
        string runId = new Uri(location).Segments[^1];

        List<IngestionJobRun> runs = await _client.GetRunsAsync("docs").ToListAsync();
        runs.Should().ContainSingle().Which.RunId.Should().Be(runId);
        IngestionJobRun run = runs[0];
        run.JobId.Should().Be("docs");
        run.Status.Should().Be(IngestionOperationState.NotRunning);
        run.Progress!.StageProgress.Select(s => (s.Name, s.State, s.ProcessedItems, s.TotalItems)).Should().Equal(
            ("Preprocessing", IngestionOperationState.NotRunning, 0, 12), ("Indexing", IngestionOperationState.NotRunning, 0, 12));

        // A storage container holds 12 documents; each stage works through 4 a step.
        _clock.Advance(s_step);
        run = await _client.GetRunAsync("docs", runId);
        run.Status.Should().Be(IngestionOperationState.Running);
        run.Progress!.StageProgress[0].ProcessedItems.Should().Be(4);
        run.Progress.StageProgress[0].State.Should().Be(IngestionOperationState.Running);

        _clock.Advance(3 * s_step);
        run = await _client.GetRunAsync("docs", runId);
        run.Progress!.StageProgress[0].State.Should().Be(IngestionOperationState.Succeeded);
        run.Progress.StageProgress[1].ProcessedItems.Should().Be(4);
        run.Status.Should().Be(IngestionOperationState.Running);

        _clock.Advance(2 * s_step);
        run = await _client.GetRunAsync("docs", runId);
        run.Status.Should().Be(IngestionOperationState.Succeeded);
        run.Progress!.StageProgress.Should().OnlyContain(s => s.State == IngestionOperationState.Succeeded && s.ProcessedItems == 12);
        run.Error.Should().BeNull();

        IngestionJob read = await _client.GetJobAsync("docs");
        JsonAssert.Equivalent(FoundryTrainingSerializer.Serialize(job), FoundryTrainingSerializer.Serialize(read));
    }

    [Fact]
    public async Task AJobWithARefreshInterval_RunsAgainEveryInterval_AndKeepsItsLatestRuns()
    {
        await _client.CreateJobAsync("nightly", StorageJob(refreshHours: 24));
        await _client.CreateJobAsync("once", StorageJob());

        _clock.Advance(TimeSpan.FromHours(49));

        (await _client.GetRunsAsync("nightly").ToListAsync()).Should().HaveCount(3);
        (await _client.GetRunsAsync("once").ToListAsync()).Should().ContainSingle();

        _clock.Advance(TimeSpan.FromDays(3650));

        // Ten years of nightly runs: the job keeps its latest hundred, each a day apart.
        List<IngestionJobRun> runs = await _client.GetRunsAsync("nightly").ToListAsync();
        runs.Should().HaveCount(100);
        runs.Select(r => r.RunId).Should().OnlyHaveUniqueItems();
        runs.Should().OnlyContain(r => r.Status == IngestionOperationState.Succeeded);
    }

    [Fact]
    public async Task Lists_AreNextLinkPages_OfTenItems()
    {
        for (int i = 0; i < 23; i++)
        {
            await _client.CreateJobAsync($"job-{i:D2}", StorageJob());
        }

        _emulator.ClearRequests();
        List<Page<IngestionJob>> pages = await _client.GetJobsAsync().AsPages().ToListAsync();

        pages.Select(p => p.Values.Count).Should().Equal(10, 10, 3);
        pages.SelectMany(p => p.Values).Select(j => j.JobId).Should().Equal(Enumerable.Range(0, 23).Select(i => $"job-{i:D2}"), "oldest first");
        pages[0].ContinuationToken.Should().Be(_emulator.Endpoint.AbsoluteUri + "/openai/ingestion/jobs?api-version=2024-05-01-preview&skipToken=10");
        pages[2].ContinuationToken.Should().BeNull();
        _emulator.Requests.Select(r => r.Query.TryGetValue("skipToken", out string? skip) ? skip : "-").Should().Equal("-", "10", "20");
        _emulator.Requests.Should().OnlyContain(r => r.Path == "/openai/ingestion/jobs" && r.StatusCode == 200 && r.Query["api-version"] == "2024-05-01-preview");

        await _client.CreateJobAsync("hourly", StorageJob(refreshHours: 1));
        _clock.Advance(TimeSpan.FromHours(11.5));
        List<Page<IngestionJobRun>> runPages = await _client.GetRunsAsync("hourly").AsPages().ToListAsync();
        runPages.Select(p => p.Values.Count).Should().Equal(10, 2);
        runPages[0].ContinuationToken.Should().EndWith("/openai/ingestion/jobs/hourly/runs?api-version=2024-05-01-preview&skipToken=10");

        HttpResponseMessage bad = await _http.AzureOpenAIAsync(HttpMethod.Get, "/ingestion/jobs?skipToken=x");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(bad))["error"]!["code"]!.GetValue<string>().Should().Be("invalidPayload");
    }

    [Fact]
    public async Task AUserComputeJob_NeedsTheUsersTokens_AndItsRunsTheWorkspaceToken()
    {
        RequestFailedException missing = (await FluentActions.Awaiting(() => _client.CreateJobAsync("ws", WorkspaceJob(), "mgmt")).Should().ThrowAsync<RequestFailedException>()).Which;
        missing.Status.Should().Be(401);
        missing.ErrorCode.Should().Be("unauthorized");

        IngestionJob created = await _client.CreateJobAsync("ws", WorkspaceJob(), "mgmt", "aml");
        created.Should().BeOfType<UserComputeIngestionJob>().Which.WorkspaceId.Should().EndWith("/workspaces/ws");
        await _client.CreateJobAsync("sys", StorageJob());

        (await _client.GetJobAsync("ws")).Value.JobId.Should().Be("ws", "reading the job itself needs no token");
        (await _client.GetJobsAsync().ToListAsync()).Select(j => j.JobId).Should().Equal(new[] { "sys" }, "without the workspace token the list leaves user compute jobs out");
        (await _client.GetJobsAsync("mgmt").ToListAsync()).Select(j => j.JobId).Should().Equal("ws", "sys");

        RequestFailedException runs = (await FluentActions.Awaiting(() => _client.GetRunsAsync("ws").ToListAsync().AsTask()).Should().ThrowAsync<RequestFailedException>()).Which;
        runs.Status.Should().Be(401);
        (await _client.GetRunsAsync("ws", "mgmt").ToListAsync()).Should().ContainSingle();
        await FluentActions.Awaiting(() => _client.GetRunAsync("ws", "any")).Should().ThrowAsync<RequestFailedException>().Where(e => e.Status == 401);
        (await _client.GetRunsAsync("sys").ToListAsync()).Should().ContainSingle("a system compute job's runs need no token");

        // The tokens are credentials: the request log never shows them.
        _emulator.Requests.Where(r => r.Headers.ContainsKey("mgmt-user-token") || r.Headers.ContainsKey("aml-user-token"))
            .Should().NotBeEmpty().And.OnlyContain(r => r.Headers.Where(h => h.Key == "mgmt-user-token" || h.Key == "aml-user-token").All(h => h.Value == "REDACTED"));
    }

    [Fact]
    public async Task CreatingTheSameJobAgain_AnswersItAsItIs_WhileAnotherJobUnderTheId_IsAConflict()
    {
        Response<IngestionJob> first = await _client.CreateJobAsync("docs", StorageJob());
        Response<IngestionJob> again = await _client.CreateJobAsync("docs", StorageJob());

        again.GetRawResponse().Status.Should().Be(200);
        again.GetRawResponse().Headers.TryGetValue("Operation-Location", out string? location).Should().BeTrue();
        first.GetRawResponse().Headers.TryGetValue("Operation-Location", out string? firstLocation).Should().BeTrue();
        location.Should().Be(firstLocation, "no second run is started");
        (await _client.GetRunsAsync("docs").ToListAsync()).Should().ContainSingle();

        RequestFailedException conflict = (await FluentActions.Awaiting(() => _client.CreateJobAsync("docs", StorageJob(refreshHours: 1))).Should().ThrowAsync<RequestFailedException>()).Which;
        conflict.Status.Should().Be(409);
        conflict.ErrorCode.Should().Be("itemDoesAlreadyExist");
    }

    [Theory]
    [InlineData("""{"kind":"Batch"}""", "kind")]
    [InlineData("""{"kind":"SystemCompute"}""", "datasource")]
    [InlineData("""{"kind":"SystemCompute","datasource":{"kind":"Storage","connection":{"kind":"EndpointWithManagedIdentity","endpoint":"https://s"},"embeddings":[{"deploymentName":"ada"}]}}""", "datasource.containerName")]
    [InlineData("""{"kind":"SystemCompute","datasource":{"kind":"Urls","urls":[],"connection":{"kind":"EndpointWithKey","endpoint":"https://s"},"containerName":"c","embeddings":[{}]}}""", "datasource.urls")]
    [InlineData("""{"kind":"SystemCompute","datasource":{"kind":"Storage","connection":{"kind":"ConnectionString"},"containerName":"c","embeddings":[{}]}}""", "datasource.connection.connectionString")]
    [InlineData("""{"kind":"UserCompute","datasource":{"kind":"Dataset","datasetId":"d","datasetType":"uri_folder"}}""", "workspaceId")]
    [InlineData("""{"kind":"UserCompute","workspaceId":"w","target":{"kind":"Pinecone"},"datasource":{"kind":"Dataset","datasetId":"d","datasetType":"uri_folder"}}""", "target.connectionId")]
    [InlineData("""{"kind":"UserCompute","workspaceId":"w","datasource":{"kind":"Urls","urls":["https://a"],"embeddings":[]}}""", "datasource.embeddings")]
    [InlineData("""{"kind":"SystemCompute","jobId":"other","datasource":{"kind":"Storage","connection":{"kind":"EndpointWithManagedIdentity","endpoint":"https://s"},"containerName":"c","embeddings":[{}]}}""", "jobId")]
    [InlineData("""{"kind":"SystemCompute","datasource":7}""", null)]
    public async Task AJobTheServiceWouldRefuse_IsA400NamingWhatIsWrong(string body, string? target)
    {
        HttpResponseMessage response = await _http.AzureOpenAIAsync(HttpMethod.Put, "/ingestion/jobs/bad", body, ("mgmt-user-token", "m"), ("aml-user-token", "a"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode error = (await RawHttp.JsonOf(response))["error"]!;
        error["code"]!.GetValue<string>().Should().Be("invalidPayload");
        ((string?)error["target"]).Should().Be(target);
        (await _http.AzureOpenAIAsync(HttpMethod.Get, "/ingestion/jobs/bad")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was stored");
    }

    [Fact]
    public async Task UnknownJobsRunsAndMethods_AreTheServicesErrors_AndTheOpenAIPlatformHasNoIngestion()
    {
        await _client.CreateJobAsync("docs", StorageJob());

        await FluentActions.Awaiting(() => _client.GetJobAsync("missing")).Should().ThrowAsync<RequestFailedException>().Where(e => e.Status == 404 && e.ErrorCode == "notFound");
        await FluentActions.Awaiting(() => _client.GetRunAsync("docs", "missing")).Should().ThrowAsync<RequestFailedException>().Where(e => e.Status == 404 && e.ErrorCode == "notFound");
        (await _http.AzureOpenAIAsync(HttpMethod.Post, "/ingestion/jobs", "{}")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _http.AzureOpenAIAsync(HttpMethod.Delete, "/ingestion/jobs/docs")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _http.AzureOpenAIAsync(HttpMethod.Get, "/ingestion/jobs/docs/other")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The platform has no ingestion route (the emulator answers 404, as the platform does): the client refuses first.
        (await _http.OpenAIAsync(HttpMethod.Get, "/ingestion/jobs/docs")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        IngestionJobsClient openAI = _emulator.CreateOpenAIClient().GetIngestionJobsClient();
        int sent = _emulator.Requests.Count;
        (await FluentActions.Awaiting(() => openAI.GetJobAsync("docs")).Should().ThrowAsync<NotSupportedException>())
            .Which.Message.Should().Be("IngestionJobsClient.GetJob (GET /ingestion/jobs/{jobId}) is an operation of Azure OpenAI 2024-05-01-preview; the OpenAI platform has no such route.");
        openAI.Invoking(c => c.GetRuns("docs").ToList()).Should().Throw<NotSupportedException>();
        await FluentActions.Awaiting(() => openAI.CreateJobAsync("docs", StorageJob())).Should().ThrowAsync<NotSupportedException>();
        _emulator.Requests.Should().HaveCount(sent);
    }

    [Fact]
    public async Task GetJobIfExists_AnExistingJobHasAValue_AMissingOneNone_AndTheOpenAIPlatformIsRefusedBeforeAnyRequest()
    {
        await _client.CreateJobAsync("docs", StorageJob());

        (await _client.GetJobIfExistsAsync("docs")).Value!.JobId.Should().Be("docs");
        NullableResponse<IngestionJob> missing = _client.GetJobIfExists("missing");
        missing.HasValue.Should().BeFalse();
        missing.GetRawResponse().Status.Should().Be(404);

        // The platform answers every ingestion route with 404 (an unknown URL): that must not read as "no such job".
        IngestionJobsClient openAI = _emulator.CreateOpenAIClient().GetIngestionJobsClient();
        int sent = _emulator.Requests.Count;
        await FluentActions.Awaiting(() => openAI.GetJobIfExistsAsync("docs")).Should().ThrowAsync<NotSupportedException>();
        openAI.Invoking(c => c.GetJobIfExists("docs")).Should().Throw<NotSupportedException>();
        _emulator.Requests.Should().HaveCount(sent);
    }

    [Fact]
    public async Task ARunFails_WhenAUrlCannotBeRead_OrTheOptionsSaySo()
    {
        await _client.CreateJobAsync("web", UrlJob("https://learn.microsoft.com/a", "ftp://files.example.com/b", "https://learn.microsoft.com/c", "mailto:x@example.com", "https://learn.microsoft.com/e"));
        await _client.CreateJobAsync("doomed-docs", StorageJob());
        await _client.CreateJobAsync("fine", UrlJob("https://learn.microsoft.com/a", "https://learn.microsoft.com/b"));

        _clock.Advance(s_step);
        IngestionJobRun web = (await _client.GetRunsAsync("web").ToListAsync()).Single();
        web.Status.Should().Be(IngestionOperationState.Failed);
        web.Progress!.StageProgress[0].Should().Match<IngestionJobStageProgress>(s => s.State == IngestionOperationState.Failed && s.TotalItems == 5 && s.ProcessedItems == 0);
        web.Progress.StageProgress[1].State.Should().Be(IngestionOperationState.NotRunning);
        web.Error!.Message.Should().Contain("URLs");
        web.Error.InnerErrors.Should().Equal("'ftp://files.example.com/b' is not an http or https URL.", "'mailto:x@example.com' is not an http or https URL.");

        _clock.Advance(5 * s_step);
        IngestionJobRun doomed = (await _client.GetRunsAsync("doomed-docs").ToListAsync()).Single();
        doomed.Status.Should().Be(IngestionOperationState.Failed);
        doomed.Progress!.StageProgress[0].ProcessedItems.Should().Be(4, "it fails halfway through preprocessing 12 documents");
        doomed.Error!.InnerErrors.Should().ContainSingle().Which.Should().StartWith("emulated_failure");

        IngestionJobRun fine = (await _client.GetRunsAsync("fine").ToListAsync()).Single();
        fine.Status.Should().Be(IngestionOperationState.Succeeded);
        fine.Progress!.StageProgress.Should().OnlyContain(s => s.TotalItems == 2 && s.ProcessedItems == 2);
    }
}
