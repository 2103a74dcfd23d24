using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Emulator;

/// <summary>The Foundry training jobs service as the emulator speaks it: paging, filters, idempotency, errors, faults, wire shapes.</summary>
public sealed class TrainingJobsProtocolTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;
    private readonly RawHttp _http;

    public TrainingJobsProtocolTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 4 });
        _client = _emulator.CreateTrainingJobsClient();
        _http = new RawHttp(_emulator);
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    [Fact]
    public async Task List_PagesNewestFirstWithTheAfterCursor_AndFilters()
    {
        for (int i = 0; i < 5; i++)
        {
            CommandJob job = EmulatorJobs.Command(team: i % 2 == 0 ? "even" : "odd");
            job.Properties["index"] = i;
            job.Properties["flavor"] = "plain";
            await _client.CreateAsync("job-" + i, job);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        _emulator.ClearRequests();

        List<Page<TrainingJob>> pages = await _client.GetJobsAsync(new TrainingJobListOptions { Limit = 2 }).AsPages().ToListAsync();

        pages.Select(p => string.Join(",", p.Values.Select(j => j.Name))).Should().Equal("job-4,job-3", "job-2,job-1", "job-0");
        pages.Select(p => p.ContinuationToken).Should().Equal("job-3", "job-1", null);
        _emulator.Requests.Select(r => r.Query.GetValueOrDefault("after")).Should().Equal(null, "job-3", "job-1");
        _emulator.Requests.Should().OnlyContain(r => r.Method == "GET" && r.Path == "/training_jobs" && r.Query["limit"] == "2" && r.StatusCode == 200);

        (await _client.GetJobsAsync(new TrainingJobListOptions { Order = ListSortOrder.Ascending, After = "job-1" }).ToListAsync())
            .Select(j => j.Name).Should().Equal("job-2", "job-3", "job-4");
        (await _client.GetJobsAsync(new TrainingJobListOptions { Before = "job-2" }).ToListAsync())
            .Select(j => j.Name).Should().Equal("job-4", "job-3");
        (await _client.GetJobsAsync(new TrainingJobListOptions { Tag = "team=even" }).ToListAsync())
            .Select(j => j.Name).Should().Equal("job-4", "job-2", "job-0");
        (await _client.GetJobsAsync(new TrainingJobListOptions { Tag = "team" }).ToListAsync()).Should().HaveCount(5);
        (await _client.GetJobsAsync(new TrainingJobListOptions { Properties = "flavor=plain,index=3" }).ToListAsync())
            .Select(j => j.Name).Should().Equal("job-3");
        (await _client.GetJobsAsync(new TrainingJobListOptions { JobType = JobType.Command, ListViewType = ListViewType.All }).ToListAsync()).Should().HaveCount(5);
        (await _client.GetJobsAsync(new TrainingJobListOptions { ListViewType = ListViewType.ArchivedOnly }).ToListAsync()).Should().BeEmpty();

        // The envelope: {data, first_id, last_id, has_more}.
        JsonNode page = await RawHttp.JsonOf(await _http.FoundryAsync(HttpMethod.Get, "/training_jobs?limit=2&order=asc"));
        page["first_id"]!.GetValue<string>().Should().Be("job-0");
        page["last_id"]!.GetValue<string>().Should().Be("job-1");
        page["has_more"]!.GetValue<bool>().Should().BeTrue();
        page["data"]!.AsArray().Should().HaveCount(2);

        HttpResponseMessage badLimit = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs?limit=101");
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(badLimit))["error"]!["code"]!.GetValue<string>().Should().Be("InvalidQueryParameter");
    }

    [Fact]
    public async Task Create_WithTheSameOperationId_ReturnsTheSameJob_AndNeverMakesTwo()
    {
        string body = """{"name":"idempotent","properties":{"job_type":"command","command":"python train.py","environment_image_reference":"img:1","compute_id":"c"}}""";
        HttpResponseMessage first = await _http.FoundryAsync(HttpMethod.Post, "/training_jobs", body, operationId: "key-1");
        _clock.Advance(3 * s_step);
        HttpResponseMessage second = await _http.FoundryAsync(HttpMethod.Post, "/training_jobs", body, operationId: "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await RawHttp.JsonOf(first))["properties"]!["status"]!.GetValue<string>().Should().Be("Queued");
        (await RawHttp.JsonOf(second))["properties"]!["status"]!.GetValue<string>().Should().Be("Running", "the repeat answers with the job as it is now");
        (await _client.GetJobsAsync().ToListAsync()).Should().ContainSingle();

        HttpResponseMessage conflict = await _http.FoundryAsync(HttpMethod.Post, "/training_jobs", body, operationId: "key-2");
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await RawHttp.JsonOf(conflict))["error"]!["code"]!.GetValue<string>().Should().Be("JobAlreadyExists");
    }

    [Fact]
    public async Task Create_RetriedAfterALostResponse_CreatesOneJob()
    {
        _emulator.Faults.GatewayTimeoutAfterProcessing(1, EmulatedService.TrainingJobs);

        TrainingJob job = (await _client.CreateAsync("retried", EmulatorJobs.Command())).Value;

        job.Name.Should().Be("retried");
        List<EmulatorRequest> creates = _emulator.Requests.Where(r => r.Method == "POST").ToList();
        creates.Select(r => r.StatusCode).Should().Equal(504, 201);
        creates.Select(r => r.Faulted).Should().Equal(true, false);
        creates.Select(r => r.Headers["Operation-Id"]).Distinct().Should().ContainSingle("every attempt carries the same idempotency key");
        (await _client.GetJobsAsync().ToListAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task Create_SameNameTwice_IsAConflict()
    {
        await _client.CreateAsync("twice", EmulatorJobs.Command());

        var conflict = await FluentActions.Awaiting(() => _client.CreateAsync("twice", EmulatorJobs.Command())).Should().ThrowAsync<RequestFailedException>();

        conflict.Which.Status.Should().Be(409);
        conflict.Which.ErrorCode.Should().Be("JobAlreadyExists");
    }

    [Fact]
    public async Task GetIfExists_AnExistingJobHasAValue_AMissingOneNone_AndAJobNotStartedHasNoAttemptYet()
    {
        await _client.CreateAsync("here", EmulatorJobs.Command());
        _emulator.ClearRequests();

        NullableResponse<TrainingJob> here = await _client.GetIfExistsAsync("here");
        NullableResponse<TrainingJob> missing = _client.GetIfExists("missing");
        NullableResponse<JobAttempt> noAttempt = await _client.GetAttemptIfExistsAsync("here", TrainingJobsClient.LatestAttempt);
        NullableResponse<JobAttempt> noJob = _client.GetAttemptIfExists("missing", TrainingJobsClient.LatestAttempt);

        here.HasValue.Should().BeTrue();
        here.Value!.Name.Should().Be("here");
        missing.HasValue.Should().BeFalse();
        missing.GetRawResponse().Status.Should().Be(404);
        noAttempt.HasValue.Should().BeFalse("the job has not started");
        noJob.HasValue.Should().BeFalse();
        _emulator.Requests.Select(r => r.ToString()).Should().Equal(
            "GET /training_jobs/here → 200",
            "GET /training_jobs/missing → 404",
            "GET /training_jobs/here/attempts/latest → 404",
            "GET /training_jobs/missing/attempts/latest → 404");
    }

    [Fact]
    public async Task Create_InvalidJob_IsRejectedWithEveryProblem_WhenTheClientDoesNotValidate()
    {
        var options = new TrainingJobsClientOptions { ValidateRequests = false };
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient(options);

        var invalid = await FluentActions.Awaiting(() => client.CreateAsync("invalid", new CommandJob(EmulatorJobs.Compute))).Should().ThrowAsync<RequestFailedException>();

        invalid.Which.Status.Should().Be(400);
        invalid.Which.ErrorCode.Should().Be("ValidationError");
        JsonNode error = JsonNode.Parse(invalid.Which.GetRawResponse()!.Content.ToString())!["error"]!;
        error["details"]!.AsArray().Select(d => d!["param"]!.GetValue<string>()).Should().BeEquivalentTo("$.command", "$.environment_image_reference");

        HttpResponseMessage unknownType = await _http.FoundryAsync(HttpMethod.Post, "/training_jobs", """{"name":"x","properties":{"job_type":"sweep","compute_id":"c"}}""");
        unknownType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(unknownType))["error"]!["code"]!.GetValue<string>().Should().Be("UnsupportedJobType");

        HttpResponseMessage notJson = await _http.FoundryAsync(HttpMethod.Post, "/training_jobs", "{not json");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(notJson))["error"]!["code"]!.GetValue<string>().Should().Be("InvalidRequestBody");
    }

    [Fact]
    public async Task Requests_WithoutTokenVersionOrOptIn_AreRejectedAsTheServiceWould()
    {
        HttpResponseMessage noToken = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs", bearer: false);
        noToken.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        noToken.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");

        HttpResponseMessage noVersion = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs", apiVersion: null);
        noVersion.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(noVersion))["error"]!["code"]!.GetValue<string>().Should().Be("MissingApiVersionParameter");

        HttpResponseMessage oldVersion = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs", apiVersion: "2024-01-01");
        (await RawHttp.JsonOf(oldVersion))["error"]!["code"]!.GetValue<string>().Should().Be("UnsupportedApiVersion");

        HttpResponseMessage noOptIn = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs", features: false);
        noOptIn.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        JsonNode error = (await RawHttp.JsonOf(noOptIn))["error"]!;
        error["code"]!.GetValue<string>().Should().Be("PreviewFeatureNotEnabled");
        error["message"]!.GetValue<string>().Should().Contain("TrainingJobs=V1Preview");

        var options = new TrainingJobsClientOptions { FoundryFeatures = "Evaluations=V1Preview" };
        (await FluentActions.Awaiting(() => _emulator.CreateTrainingJobsClient(options).GetAsync("x")).Should().ThrowAsync<RequestFailedException>())
            .Which.Status.Should().Be(403);
    }

    [Fact]
    public async Task Faults_TooManyRequests_AreRetriedAfterTheRequestedWait()
    {
        await _client.CreateAsync("busy", EmulatorJobs.Command());
        _emulator.ClearRequests();
        _emulator.Faults.TooManyRequests(2, TimeSpan.FromMilliseconds(10));

        TrainingJob job = (await _client.GetAsync("busy")).Value;

        job.Name.Should().Be("busy");
        _emulator.Requests.Select(r => (r.StatusCode, r.Faulted)).Should().Equal((429, true), (429, true), (200, false));
        _emulator.Faults.Pending.Should().Be(0);

        _emulator.Faults.TooManyRequests(1, TimeSpan.FromMilliseconds(1500));
        HttpResponseMessage throttled = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs/busy");
        throttled.StatusCode.Should().Be((HttpStatusCode)429);
        throttled.Headers.GetValues("Retry-After").Should().Equal("2");
        throttled.Headers.GetValues("retry-after-ms").Should().Equal("1500");
        JsonNode error = (await RawHttp.JsonOf(throttled))["error"]!;
        error["code"]!.GetValue<string>().Should().Be("TooManyRequests");
        error["type"]!.GetValue<string>().Should().Be("invalid_request_error");
    }

    [Fact]
    public async Task Faults_ServiceUnavailable_SurfaceWhenRetriesRunOut_ThenTheServiceIsHealthy()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient(options);
        _emulator.Faults.ServiceUnavailable(5, service: EmulatedService.TrainingJobs);
        _emulator.Faults.ServiceUnavailable(5, service: EmulatedService.OpenAI);

        var failure = await FluentActions.Awaiting(() => client.GetJobsAsync().ToListAsync().AsTask()).Should().ThrowAsync<RequestFailedException>();

        failure.Which.Status.Should().Be(503);
        failure.Which.ErrorCode.Should().Be("ServiceUnavailable");
        _emulator.Faults.Pending.Should().Be(8, "two Foundry requests were answered; the OpenAI faults wait for OpenAI requests");
        _emulator.Faults.Clear();
        _emulator.Faults.Pending.Should().Be(0);
        (await client.GetJobsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ArtifactContentRoute_AnswersBytes_WhateverTheArtifact()
    {
        await _client.CreateAsync("bytes", EmulatorJobs.SftWithLora());
        _clock.Advance(10 * s_step);

        HttpResponseMessage content = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs/bytes/attempts/1/artifacts/content?path=outputs%2Fmetrics.json");

        content.StatusCode.Should().Be(HttpStatusCode.OK);
        content.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream", "the route returns bytes (routes.tsp)");
        JsonNode.Parse(await content.Content.ReadAsStringAsync())!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Object);
        JobArtifactContentInfo info = (await _client.GetArtifactContentInfoAsync("bytes", "1", "outputs/metrics.json")).Value;
        info.ContentType.Should().Be("application/json", "the content info still says what the file is");
    }

    [Fact]
    public async Task Responses_FollowTheWireShapes()
    {
        await _client.CreateAsync("shapes", EmulatorJobs.SftWithLora());

        HttpResponseMessage get = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs/shapes");
        get.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        get.Headers.Contains("x-ms-request-id").Should().BeTrue();
        JsonNode job = await RawHttp.JsonOf(get);
        job["name"]!.GetValue<string>().Should().Be("shapes");
        job["type"]!.GetValue<string>().Should().Be("Microsoft.MachineLearningServices/workspaces/training_jobs");
        job["properties"]!["job_type"]!.GetValue<string>().Should().Be("command");
        job["properties"]!["status"]!.GetValue<string>().Should().Be("Queued");
        job["properties"]!["training"]!["algorithm"]!.GetValue<string>().Should().Be("sft");
        job["properties"]!["training"]!["resolved_framework"]!.GetValue<string>().Should().Be("trl");
        job["system_data"]!["created_at"]!.GetValue<long>().Should().Be(_clock.Now.ToUnixTimeSeconds());

        // Round trip: what the emulator sends reads back into the SDK's model and writes out unchanged.
        TrainingJob model = FoundryTrainingSerializer.Deserialize<TrainingJob>(job.ToJsonString())!;
        JsonAssert.Equivalent(job.ToJsonString(), FoundryTrainingSerializer.Serialize(model));

        _clock.Advance(3 * s_step);
        HttpResponseMessage delete = await _http.FoundryAsync(HttpMethod.Delete, "/training_jobs/shapes");
        delete.StatusCode.Should().Be(HttpStatusCode.Accepted);
        string operations = _emulator.Endpoint.AbsoluteUri + "/training_jobs/operations/";
        delete.Headers.Location!.AbsoluteUri.Should().StartWith(operations).And.EndWith("/result?api-version=v1");
        delete.Headers.GetValues("Operation-Location").Single().Should().StartWith(operations).And.EndWith("/status?api-version=v1");
        delete.Headers.GetValues("Retry-After").Should().Equal("10");
        (await delete.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        HttpResponseMessage status = await _http.FoundryAsync(HttpMethod.Get, delete.Headers.GetValues("Operation-Location").Single().Substring(_emulator.Endpoint.AbsoluteUri.Length).Split('?')[0]);
        JsonNode operation = await RawHttp.JsonOf(status);
        operation["status"]!.GetValue<string>().Should().Be("deleting");
        operation["started_at"]!.GetValue<long>().Should().Be(_clock.Now.ToUnixTimeSeconds());
        operation["percent_complete"]!.GetValue<double>().Should().Be(0);
    }

    [Fact]
    public async Task Artifacts_AreListedByPath_AscendingUnlessAskedOtherwise_AndAnInvalidOrderIsRefused()
    {
        await _client.CreateAsync("ordered", EmulatorJobs.Command());
        _clock.Advance(10 * s_step);

        List<string> ascending = (await _client.GetArtifactsAsync("ordered", "1").ToListAsync()).Select(a => a.Path).ToList();
        ascending.Should().HaveCountGreaterThan(1).And.BeInAscendingOrder(StringComparer.Ordinal);
        (await _client.GetArtifactsAsync("ordered", "1", new ArtifactListOptions { Order = ListSortOrder.Ascending }).ToListAsync())
            .Select(a => a.Path).Should().Equal(ascending);
        (await _client.GetArtifactsAsync("ordered", "1", new ArtifactListOptions { Order = ListSortOrder.Descending }).ToListAsync())
            .Select(a => a.Path).Should().Equal(Enumerable.Reverse(ascending));

        HttpResponseMessage badOrder = await _http.FoundryAsync(HttpMethod.Get, "/training_jobs/ordered/attempts/1/artifacts?order=sideways");
        badOrder.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RawHttp.JsonOf(badOrder))["error"]!["code"]!.GetValue<string>().Should().Be("InvalidQueryParameter");
    }

    [Fact]
    public async Task Requests_AreRecordedWithCredentialsRedacted()
    {
        await _client.CreateAsync("recorded", EmulatorJobs.Command());
        _clock.Advance(10 * s_step);
        JobArtifactContentInfo info = (await _client.GetArtifactContentInfoAsync("recorded", "1", "logs/std_log.txt")).Value;
        using (Stream log = (await _client.DownloadArtifactAsync("recorded", "1", "logs/std_log.txt")).Value)
        {
            new StreamReader(log).ReadToEnd().Should().Contain("Training completed.");
        }

        string target = Path.Combine(Path.GetTempPath(), "emulator-" + Guid.NewGuid().ToString("N"));
        try
        {
            (await _client.DownloadArtifactsAsync("recorded", "1", target)).Should().NotBeEmpty();
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }

        EmulatorRequest create = _emulator.Requests.First();
        create.Service.Should().Be(EmulatedService.TrainingJobs);
        create.Method.Should().Be("POST");
        create.Path.Should().Be("/training_jobs");
        create.StatusCode.Should().Be(201);
        create.Headers["Authorization"].Should().Be("REDACTED");
        create.Headers["Foundry-Features"].Should().Be("TrainingJobs=V1Preview");
        create.Query["api-version"].Should().Be("v1");
        JsonNode.Parse(create.Body!)!["name"]!.GetValue<string>().Should().Be("recorded");
        create.ToString().Should().Be("POST /training_jobs → 201");

        info.ContentUri!.Query.Should().Contain("sig=");
        List<EmulatorRequest> downloads = _emulator.Requests.Where(r => r.Service == EmulatedService.Storage).ToList();
        downloads.Should().NotBeEmpty().And.OnlyContain(r => r.Query["sig"] == "REDACTED" && r.StatusCode == 206 && r.Headers["Range"].StartsWith("bytes=0-", StringComparison.Ordinal) && r.Path.StartsWith("/_emulator/storage/artifacts/recorded/1/", StringComparison.Ordinal));
        downloads.Should().OnlyContain(r => !r.Headers.ContainsKey("Authorization"), "pre-signed URLs are fetched without the client's credentials");

        // A tampered signature is refused like a storage account would.
        var tampered = new HttpRequestMessage(HttpMethod.Get, info.ContentUri!.AbsoluteUri.Replace("sig=", "sig=x", StringComparison.Ordinal));
        (await _http.SendAsync(tampered)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
