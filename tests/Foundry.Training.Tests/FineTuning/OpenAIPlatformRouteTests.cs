using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>
/// The OpenAI platform routes the platform tests leave out (get, cancel, events, checkpoints, file upload, file get,
/// content download, model list, waiting), each with the exact request: bearer key, organization and project headers,
/// no <c>api-version</c>, no Azure <c>api-key</c>, and the body the platform documents.
/// </summary>
public sealed class OpenAIPlatformRouteTests : IDisposable
{
    private const string JobJson = """
        {"object":"fine_tuning.job","id":"ftjob-abc123","model":"gpt-4o-mini-2024-07-18","created_at":1721764800,"fine_tuned_model":null,
         "organization_id":"org-123","result_files":[],"status":"validating_files","validation_file":null,"training_file":"file-abc123",
         "hyperparameters":{"n_epochs":"auto","batch_size":"auto","learning_rate_multiplier":"auto"},"trained_tokens":null,"error":null,
         "integrations":[],"seed":42,"estimated_finish":null,"metadata":null,
         "method":{"type":"supervised","supervised":{"hyperparameters":{"n_epochs":"auto","batch_size":"auto","learning_rate_multiplier":"auto"}}}}
        """;

    private const string FileJson = """
        {"id":"file-abc123","object":"file","bytes":120000,"created_at":1677610602,"expires_at":1680202602,"filename":"mydata.jsonl","purpose":"fine-tune","status":"uploaded"}
        """;

    private readonly MockService _service = new();
    private readonly FineTuningClient _client;

    public OpenAIPlatformRouteTests()
    {
        var options = new FineTuningClientOptions
        {
            OpenAIEndpoint = new Uri(_service.Endpoint, "v1"),
            OpenAIOrganization = "org-123",
            OpenAIProject = "proj-456",
        };
        options.Retry.MaxRetries = 0;
        _client = FineTuningClient.ForOpenAI("sk-test", options);
    }

    public void Dispose() => _service.Dispose();

    private void Respond(string method, string path, string body, string contentType = "application/json") =>
        _service.Server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));

    private static void AssertOpenAIRequest(ILogEntry entry, string method, string path, IDictionary<string, string>? query = null)
    {
        entry.RequestMessage.Method.Should().Be(method);
        entry.RequestMessage.AbsolutePath.Should().Be(path);
        (entry.RequestMessage.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(q => q.Key, q => q.Value.Single())
            .Should().Equal(query ?? new Dictionary<string, string>(), "the OpenAI platform takes no api-version");
        IDictionary<string, WireMock.Types.WireMockList<string>> headers = entry.RequestMessage.Headers!;
        headers["Authorization"].Should().Equal("Bearer sk-test");
        headers["OpenAI-Organization"].Should().Equal("org-123");
        headers["OpenAI-Project"].Should().Equal("proj-456");
        headers.Should().NotContainKey("api-key");
    }

    private static async Task<List<T>> AllAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        var items = new List<T>();
        await foreach (T item in pageable)
        {
            items.Add(item);
        }

        return items;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetJob_KeepsTheOpenAIOnlyStatusAndNulls(bool async)
    {
        Respond("GET", "/v1/fine_tuning/jobs/ftjob-abc123", JobJson);

        FineTuningJob job = async ? (await _client.GetJobAsync("ftjob-abc123")).Value : _client.GetJob("ftjob-abc123").Value;

        AssertOpenAIRequest(_service.SingleRequest, "GET", "/v1/fine_tuning/jobs/ftjob-abc123");
        _service.SingleRequest.RequestMessage.Body.Should().BeNullOrEmpty();
        job.Status.Should().Be(new FineTuningState("validating_files"));
        job.Status!.Value.ToString().Should().Be("validating_files", "a service state is never normalized");
        job.Hyperparameters!.EpochCount.Should().Be(FineTuningHyperparameterValue.Auto);
        job.Seed.Should().Be(42);
    }

    [Fact]
    public async Task CancelJob_PostsWithoutABody()
    {
        Respond("POST", "/v1/fine_tuning/jobs/ftjob-abc123/cancel", JobJson.Replace("\"validating_files\"", "\"cancelled\"", StringComparison.Ordinal));

        FineTuningJob job = (await _client.CancelJobAsync("ftjob-abc123")).Value;

        AssertOpenAIRequest(_service.SingleRequest, "POST", "/v1/fine_tuning/jobs/ftjob-abc123/cancel");
        _service.SingleRequest.RequestMessage.Body.Should().BeNullOrEmpty();
        job.Status.Should().Be(FineTuningState.Cancelled);
    }

    [Fact]
    public async Task GetJobEvents_PagesWithAfterAndLimit()
    {
        _service.Server.Given(Request.Create().UsingGet().WithPath("/v1/fine_tuning/jobs/ftjob-abc123/events").WithParam("after", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(Response.Create().WithBody("""
                {"object":"list","data":[{"object":"fine_tuning.job.event","id":"ft-event-2","created_at":1721764801,"level":"warn","message":"Slow.","data":{},"type":"message"}],"has_more":true}
                """));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/v1/fine_tuning/jobs/ftjob-abc123/events").WithParam("after", "ft-event-2"))
            .RespondWith(Response.Create().WithBody("""
                {"object":"list","data":[{"object":"fine_tuning.job.event","id":"ft-event-1","created_at":1721764800,"level":"info","message":"Step 1/10: training loss=2.1","data":{"step":1,"train_loss":2.1},"type":"metrics"}],"has_more":false}
                """));

        List<FineTuningJobEvent> events = await AllAsync(_client.GetJobEventsAsync("ftjob-abc123", new FineTuningListOptions { Limit = 1 }));

        events.Select(e => e.Id).Should().Equal("ft-event-2", "ft-event-1");
        events[0].Level.Should().Be(LogLevel.Warn, "the OpenAI spelling is kept, not mapped to Azure's 'warning'");
        events[0].Level.Should().NotBe(LogLevel.Warning);
        events[1].Type.Should().Be(FineTuningJobEventType.Metrics);
        IReadOnlyList<ILogEntry> requests = _service.Requests;
        AssertOpenAIRequest(requests[0], "GET", "/v1/fine_tuning/jobs/ftjob-abc123/events", new Dictionary<string, string> { ["limit"] = "1" });
        AssertOpenAIRequest(requests[1], "GET", "/v1/fine_tuning/jobs/ftjob-abc123/events", new Dictionary<string, string> { ["limit"] = "1", ["after"] = "ft-event-2" });
    }

    [Fact]
    public void GetJobCheckpoints_StartsAfterTheGivenId()
    {
        Respond("GET", "/v1/fine_tuning/jobs/ftjob-abc123/checkpoints", """
            {"object":"list","data":[{"object":"fine_tuning.job.checkpoint","id":"ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB","created_at":1721764867,
              "fine_tuned_model_checkpoint":"ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000",
              "metrics":{"full_valid_loss":0.134,"full_valid_mean_token_accuracy":0.874},"fine_tuning_job_id":"ftjob-abc123","step_number":2000}],
             "first_id":"ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB","last_id":"ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB","has_more":false}
            """);

        FineTuningJobCheckpoint checkpoint = _client.GetJobCheckpoints("ftjob-abc123", new FineTuningListOptions { After = "ftckpt_previous", Limit = 10 }).Single();

        AssertOpenAIRequest(_service.SingleRequest, "GET", "/v1/fine_tuning/jobs/ftjob-abc123/checkpoints", new Dictionary<string, string> { ["after"] = "ftckpt_previous", ["limit"] = "10" });
        checkpoint.StepNumber.Should().Be(2000);
        checkpoint.Metrics.Should().Contain("full_valid_loss", 0.134);
    }

    [Fact]
    public async Task UploadFile_PostsMultipartToV1Files()
    {
        _service.Server.Given(Request.Create().UsingPost().WithPath("/v1/files")).RespondWith(Response.Create().WithStatusCode(200).WithBody(FileJson));
        using var content = new MemoryStream("{\"messages\":[]}\n"u8.ToArray());

        FineTuningFile file = (await _client.GetFilesClient().UploadAsync(content, "mydata.jsonl", FilePurpose.FineTune)).Value;

        ILogEntry entry = _service.SingleRequest;
        AssertOpenAIRequest(entry, "POST", "/v1/files");
        string contentType = entry.RequestMessage.Headers!["Content-Type"].Single();
        contentType.Should().StartWith("multipart/form-data; boundary=");
        string boundary = contentType.Substring("multipart/form-data; boundary=".Length);
        System.Text.Encoding.UTF8.GetString(entry.RequestMessage.BodyAsBytes!).Should().Be(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mydata.jsonl\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
            "{\"messages\":[]}\n\r\n--" + boundary + "--\r\n");
        file.Status.Should().Be(new FileState("uploaded"));
        file.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1680202602));
        JsonAssert.Equivalent(FileJson, FoundryTrainingSerializer.Serialize(file));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetFileAndContent(bool async)
    {
        Respond("GET", "/v1/files/file-abc123", FileJson);
        Respond("GET", "/v1/files/file-abc123/content", "{\"prompt\":\"a\",\"completion\":\"b\"}\n", "application/octet-stream");
        FineTuningFilesClient files = _client.GetFilesClient();

        FineTuningFile file = async ? (await files.GetAsync("file-abc123")).Value : files.Get("file-abc123").Value;
        Response<Stream> content = async ? await files.DownloadContentAsync("file-abc123") : files.DownloadContent("file-abc123");
        using var reader = new StreamReader(content.Value);

        file.FileName.Should().Be("mydata.jsonl");
        reader.ReadToEnd().Should().Be("{\"prompt\":\"a\",\"completion\":\"b\"}\n");
        AssertOpenAIRequest(_service.Requests[0], "GET", "/v1/files/file-abc123");
        AssertOpenAIRequest(_service.Requests[1], "GET", "/v1/files/file-abc123/content");
    }

    [Fact]
    public async Task GetModels_ReadsTheOpenAIList()
    {
        Respond("GET", "/v1/models", """
            {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai"},
                                     {"id":"ft:gpt-4o-mini:org:custom:abc","object":"model","created":1721764867,"owned_by":"org-123"}]}
            """);

        List<FineTuningModel> models = await AllAsync(_client.GetModelsClient().GetModelsAsync());

        AssertOpenAIRequest(_service.SingleRequest, "GET", "/v1/models");
        models.Select(m => m.OwnedBy).Should().Equal("openai", "org-123");
    }

    [Fact]
    public async Task WaitForCompletion_PollsTheOpenAIJobRoute()
    {
        _service.Server.RespondInTurn(
            "/v1/fine_tuning/jobs/ftjob-abc123",
            Response.Create().WithBody(JobJson),
            Response.Create().WithBody(JobJson.Replace("\"validating_files\"", "\"running\"", StringComparison.Ordinal)),
            Response.Create().WithBody(JobJson.Replace("\"validating_files\"", "\"succeeded\"", StringComparison.Ordinal)));

        FineTuningJob job = (await _client.WaitForCompletionAsync("ftjob-abc123", TimeSpan.FromMilliseconds(1))).Value;

        job.Status.Should().Be(FineTuningState.Succeeded);
        _service.Requests.Should().HaveCount(3);
        _service.Requests.ToList().ForEach(r => AssertOpenAIRequest(r, "GET", "/v1/fine_tuning/jobs/ftjob-abc123"));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task PauseAndResume_PostToTheirActions_AndReadTheRecordedJob(bool async, bool pause)
    {
        Recordings.Load(_service.Server, pause ? "FineTuning/OpenAI/pause_finetuning_job.json" : "FineTuning/OpenAI/resume_finetuning_job.json");

        Azure.Response<FineTuningJob> response = (pause, async) switch
        {
            (true, true) => await _client.PauseJobAsync("ftjob-abc123"),
            (true, false) => _client.PauseJob("ftjob-abc123"),
            (false, true) => await _client.ResumeJobAsync("ftjob-abc123"),
            _ => _client.ResumeJob("ftjob-abc123"),
        };

        response.Value.Id.Should().Be("ftjob-abc123");
        response.Value.Status!.Value.ToString().Should().Be(pause ? "paused" : "running");
        ILogEntry entry = _service.Server.LogEntries.Should().ContainSingle().Which;
        AssertOpenAIRequest(entry, "POST", "/v1/fine_tuning/jobs/ftjob-abc123/" + (pause ? "pause" : "resume"));
        entry.RequestMessage.Body.Should().BeNullOrEmpty();
    }
}
