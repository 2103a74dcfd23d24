using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Files, validation, paging, authentication, error shapes and faults of the emulated fine-tuning services.</summary>
public sealed class FineTuningProtocolTests : IDisposable
{
    private const string BaseModel = "gpt-4o-mini-2024-07-18";
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly RawHttp _http;

    public FineTuningProtocolTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 3, MaxStoredFileBytes = 64 * 1024 });
        _http = new RawHttp(_emulator);
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    private FineTuningClient Client(bool azure) => azure ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();

    private async Task<FineTuningFile> UploadAsync(FineTuningClient client, byte[] data, string name = "train.jsonl", FilePurpose? purpose = null)
    {
        FineTuningFile file = (await client.GetFilesClient().UploadAsync(new MemoryStream(data), name, purpose ?? FilePurpose.FineTune)).Value;
        _clock.Advance(2 * s_step);
        return file;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InvalidTrainingFile_EndsInError_AndCannotBeTrainedOn(bool azure)
    {
        FineTuningClient client = Client(azure);
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile broken = await UploadAsync(client, TrainingData.Broken, "broken.jsonl");

        var processing = await FluentActions.Awaiting(() => files.WaitForProcessedAsync(broken.Id!)).Should().ThrowAsync<FineTuningFileProcessingException>();
        processing.Which.File.Status.Should().Be(FileState.Error);
        processing.Which.File.StatusDetails.Should().Be("Invalid file format. Line 2 is not valid JSON.");

        var create = await FluentActions.Awaiting(() => client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, broken.Id!))).Should().ThrowAsync<RequestFailedException>();
        create.Which.Status.Should().Be(400);
        create.Which.ErrorCode.Should().Be(azure ? "invalidPayload" : "invalid_training_file");
        create.Which.Message.Should().Contain("Line 2");

        FineTuningFile empty = await UploadAsync(client, Array.Empty<byte>(), "empty.jsonl");
        (await files.GetAsync(empty.Id!)).Value.StatusDetails.Should().Contain("no training examples");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateJob_ChecksModelFilesAndRules_AsTheServiceWould(bool azure)
    {
        FineTuningClient client = Client(azure);
        FineTuningFile train = await UploadAsync(client, TrainingData.ChatJsonl());
        FineTuningFile other = await UploadAsync(client, TrainingData.ChatJsonl(), "notes.jsonl", FilePurpose.Assistants);

        async Task<RequestFailedException> Rejected(FineTuningJobCreateOptions options, FineTuningClient? using_ = null) =>
            (await FluentActions.Awaiting(() => (using_ ?? client).CreateJobAsync(options)).Should().ThrowAsync<RequestFailedException>()).Which;

        RequestFailedException model = await Rejected(new FineTuningJobCreateOptions("gpt-2", train.Id!));
        model.Status.Should().Be(400);
        model.ErrorCode.Should().Be(azure ? "invalidPayload" : "model_not_available");
        JsonNode.Parse(model.GetRawResponse()!.Content.ToString())!["error"]![azure ? "target" : "param"]!.GetValue<string>().Should().Be("model");

        (await Rejected(new FineTuningJobCreateOptions(BaseModel, "file-missing"))).ErrorCode.Should().Be(azure ? "invalidPayload" : "invalid_file_id");
        (await Rejected(new FineTuningJobCreateOptions(BaseModel, other.Id!))).Message.Should().Contain("purpose 'fine-tune'");
        (await Rejected(new FineTuningJobCreateOptions(BaseModel, train.Id!) { ValidationFile = "file-nope" })).Message.Should().Contain("validation_file");

        // The emulator applies the same rules as the client's own validation, for clients that turn it off.
        var options = new FineTuningClientOptions { ValidateRequests = false };
        FineTuningClient unchecked_ = azure ? _emulator.CreateAzureOpenAIClient(options) : _emulator.CreateOpenAIClient(options);
        RequestFailedException suffix = await Rejected(new FineTuningJobCreateOptions(BaseModel, train.Id!) { Suffix = new string('x', 65) }, unchecked_);
        suffix.Message.Should().Contain("$.suffix");
        (await Rejected(new FineTuningJobCreateOptions { TrainingFile = train.Id }, unchecked_)).Message.Should().Contain("'model'");

        (await client.GetJobsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IfExists_AnExistingJobFileOrModelHasAValue_AMissingOneNone(bool azure)
    {
        FineTuningClient client = Client(azure);
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningModelsClient models = client.GetModelsClient();
        FineTuningFile train = await UploadAsync(client, TrainingData.ChatJsonl());
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, train.Id!))).Value;
        _emulator.ClearRequests();

        (await client.GetJobIfExistsAsync(job.Id!)).Value!.Id.Should().Be(job.Id);
        NullableResponse<FineTuningJob> missingJob = client.GetJobIfExists("ftjob-missing");
        files.GetIfExists(train.Id!).Value!.FileName.Should().Be("train.jsonl");
        NullableResponse<FineTuningFile> missingFile = await files.GetIfExistsAsync("file-missing");
        (await models.GetModelIfExistsAsync(BaseModel)).Value!.Id.Should().Be(BaseModel);
        NullableResponse<FineTuningModel> missingModel = models.GetModelIfExists("gpt-missing");

        missingJob.HasValue.Should().BeFalse();
        missingFile.HasValue.Should().BeFalse();
        missingModel.HasValue.Should().BeFalse();
        new[] { missingJob.GetRawResponse(), missingFile.GetRawResponse(), missingModel.GetRawResponse() }.Should().OnlyContain(r => r.Status == 404);
        _emulator.Requests.Select(r => r.Method + " " + r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(
            "GET 200", "GET 404", "GET 200", "GET 404", "GET 200", "GET 404");
    }

    [Fact]
    public async Task AzureFiles_ListInOnePage_FilterByPurpose_AndDeleteWith204()
    {
        FineTuningClient client = Client(azure: true);
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile a = await UploadAsync(client, TrainingData.ChatJsonl());
        FineTuningFile b = await UploadAsync(client, TrainingData.ChatJsonl(), "b.jsonl", FilePurpose.Assistants);

        (await files.GetFilesAsync().ToListAsync()).Select(f => f.Id).Should().Equal(a.Id, b.Id);
        (await files.GetFilesAsync(new FineTuningFileListOptions { Purpose = FilePurpose.Assistants }).ToListAsync()).Select(f => f.Id).Should().Equal(b.Id);
        JsonNode page = await RawHttp.JsonOf(await _http.SendAsync(AzureRequest(HttpMethod.Get, "/openai/files")));
        page["object"]!.GetValue<string>().Should().Be("list");
        page.AsObject().Select(p => p.Key).Should().BeEquivalentTo("object", "data");

        (await files.DeleteAsync(a.Id!)).GetRawResponse().Status.Should().Be(204);
        (await FluentActions.Awaiting(() => files.GetAsync(a.Id!)).Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("notFound");
        (await FluentActions.Awaiting(() => files.DeleteAsync(a.Id!)).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task OpenAIFiles_PageNewestFirst_AndDeleteWithADeletionStatus()
    {
        FineTuningClient client = Client(azure: false);
        FineTuningFilesClient files = client.GetFilesClient();
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await UploadAsync(client, TrainingData.ChatJsonl(), $"f{i}.jsonl")).Id!);
        }

        _emulator.ClearRequests();
        List<Page<FineTuningFile>> pages = await files.GetFilesAsync(new FineTuningFileListOptions { Limit = 2 }).AsPages().ToListAsync();

        pages.Select(p => p.Values.Count).Should().Equal(2, 2, 1);
        pages.SelectMany(p => p.Values).Select(f => f.Id).Should().Equal(Enumerable.Reverse(ids));
        _emulator.Requests.Select(r => r.Query.GetValueOrDefault("after")).Should().Equal(null, ids[3], ids[1]);
        (await files.GetFilesAsync(new FineTuningFileListOptions { Order = ListSortOrder.Ascending, After = ids[2] }).ToListAsync())
            .Select(f => f.Id).Should().Equal(ids[3], ids[4]);

        Response deleted = (await files.DeleteAsync(ids[0])).GetRawResponse();
        deleted.Status.Should().Be(200);
        JsonAssert.Equivalent($$"""{"id":"{{ids[0]}}","object":"file","deleted":true}""", deleted.Content.ToString());
    }

    [Fact]
    public async Task Upload_IsReadAsAStream_KeepingOnlyTheFirstBytes()
    {
        FineTuningFilesClient files = Client(azure: false).GetFilesClient();
        const long size = 3 * 1024 * 1024;
        var progress = new ProgressRecorder();

        FineTuningFile big = (await files.UploadAsync(new PatternStream(size, seekable: true), "big.jsonl", FilePurpose.FineTune, progress)).Value;

        big.Bytes.Should().Be(size);
        progress.Reports[^1].Should().Be(size);
        _clock.Advance(s_step);
        (await files.GetAsync(big.Id!)).Value.Status.Should().Be(FileState.Processed, "a file larger than what the emulator keeps is not checked");
        using var content = new MemoryStream();
        await (await files.DownloadContentAsync(big.Id!)).Value.CopyToAsync(content);
        content.Length.Should().Be(64 * 1024);
        content.ToArray().AsSpan().SequenceEqual(PatternStream.Expected(0, 64 * 1024)).Should().BeTrue();

        EmulatorRequest upload = _emulator.Requests.Single(r => r.Method == "POST");
        upload.Body.Should().Be($"<multipart upload: filename=big.jsonl, purpose=fine-tune, {size} bytes>");
        upload.Headers["Content-Type"].Should().StartWith("multipart/form-data; boundary=");
        upload.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task TheRequestLog_RedactsEverySignatureForm_InALargeBody()
    {
        // JSON-escaped (\u0026sig=), a URL inside a query value (%26sig=) and a plain one, after 8 MiB of padding: the
        // log's scan is linear (no regular expression whose timeout a large body could reach).
        string padding = new('a', 8 << 20);
        string body = $$"""{"content_url":"https://s.example/c/a.jsonl?sv=1\u0026sig=SECRET1","filename":"a.jsonl","purpose":"fine-tune","note":"{{padding}} go?x=1%26sig=SECRET2 https://s.example/b?sig=SECRET3"}""";

        await _http.AzureOpenAIAsync(HttpMethod.Post, "/files/import", body);

        EmulatorRequest logged = _emulator.Requests.Single(r => r.Path == "/openai/files/import");
        logged.Body.Should().Contain("\\u0026sig=REDACTED").And.Contain("%26sig=REDACTED").And.Contain("?sig=REDACTED");
        logged.Body.Should().NotContain("SECRET");
    }

    [Fact]
    public async Task AzureImport_CreatesAPendingFile_WithoutFetchingTheUrl_AndTheSignatureStaysOutOfTheLog()
    {
        FineTuningFilesClient files = Client(azure: true).GetFilesClient();
        var import = new FineTuningFileImport(new Uri("https://storage.example/container/train.jsonl?sv=2024-05-04&sig=SECRET123"), "train.jsonl", FilePurpose.FineTune);

        Response<FineTuningFile> imported = await files.ImportAsync(import);

        imported.GetRawResponse().Status.Should().Be(201);
        imported.GetRawResponse().Headers.TryGetValue("Location", out string? location).Should().BeTrue();
        location.Should().Be(_emulator.Endpoint.AbsoluteUri + "/openai/files/" + imported.Value.Id);
        imported.Value.Status.Should().Be(FileState.Pending);
        _clock.Advance(2 * s_step);
        (await files.GetAsync(imported.Value.Id!)).Value.Status.Should().Be(FileState.Processed);
        EmulatorRequest request = _emulator.Requests.Single(r => r.Path == "/openai/files/import");
        request.Body.Should().Contain("sig=REDACTED").And.NotContain("SECRET123");
        request.Headers["api-key"].Should().Be("REDACTED");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Jobs_AndEvents_PageWithTheAfterCursor(bool azure)
    {
        FineTuningClient client = Client(azure);
        FineTuningFile train = await UploadAsync(client, TrainingData.ChatJsonl());
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add((await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, train.Id!))).Value.Id!);
        }

        _clock.Advance(10 * s_step);
        _emulator.ClearRequests();

        List<Page<FineTuningJob>> pages = await client.GetJobsAsync(new FineTuningJobListOptions { Limit = 2 }).AsPages().ToListAsync();
        pages.Select(p => p.Values.Select(j => j.Id).ToArray()).Should().BeEquivalentTo(new[] { new[] { ids[2], ids[1] }, new[] { ids[0] } }, o => o.WithStrictOrdering());
        _emulator.Requests.Select(r => r.Query.GetValueOrDefault("after")).Should().Equal(null, ids[1]);
        _emulator.Requests.Should().OnlyContain(r => r.Query["limit"] == "2" && (azure ? r.Query["api-version"] == "2024-05-01-preview" : !r.Query.ContainsKey("api-version")));

        List<FineTuningJobEvent> all = await client.GetJobEventsAsync(ids[0]).ToListAsync();
        List<FineTuningJobEvent> paged = await client.GetJobEventsAsync(ids[0], new FineTuningListOptions { Limit = 3 }).ToListAsync();
        paged.Select(e => e.Id).Should().Equal(all.Select(e => e.Id));
        all.Should().HaveCountGreaterThan(3);

        JsonNode envelope = await RawHttp.JsonOf(await _http.SendAsync(azure
            ? AzureRequest(HttpMethod.Get, "/openai/fine_tuning/jobs/" + ids[0] + "/events?limit=2")
            : OpenAIRequest(HttpMethod.Get, "/fine_tuning/jobs/" + ids[0] + "/events?limit=2")));
        envelope["object"]!.GetValue<string>().Should().Be("list");
        envelope["has_more"]!.GetValue<bool>().Should().BeTrue();
        envelope["data"]!.AsArray().Should().HaveCount(2);
        envelope["data"]![0]!["object"]!.GetValue<string>().Should().Be("fine_tuning.job.event");
    }

    [Fact]
    public async Task Authentication_IsRequired_AndErrorsComeInEachServicesShape()
    {
        var noKey = new HttpRequestMessage(HttpMethod.Get, _emulator.Endpoint.AbsoluteUri + "/openai/fine_tuning/jobs?api-version=2024-05-01-preview");
        HttpResponseMessage azure401 = await _http.SendAsync(noKey);
        azure401.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await RawHttp.JsonOf(azure401))["error"]!["code"]!.GetValue<string>().Should().Be("unauthorized");
        azure401.Headers.Contains("apim-request-id").Should().BeTrue();

        HttpResponseMessage badVersion = await _http.SendAsync(AzureRequest(HttpMethod.Get, "/openai/fine_tuning/jobs", apiVersion: "2023-05-15"));
        badVersion.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        HttpResponseMessage openAI401 = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _emulator.Endpoint.AbsoluteUri + "/fine_tuning/jobs"));
        openAI401.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        JsonAssert.Equivalent(
            """{"error":{"message":"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).","type":"invalid_request_error","param":null,"code":null}}""",
            await openAI401.Content.ReadAsStringAsync());

        HttpResponseMessage azure404 = await _http.SendAsync(AzureRequest(HttpMethod.Get, "/openai/fine_tuning/jobs/ftjob-nope"));
        JsonAssert.Equivalent("""{"error":{"code":"notFound","message":"Fine-tuning job ftjob-nope not found."}}""", await azure404.Content.ReadAsStringAsync());

        // Azure OpenAI with Microsoft Entra ID works as well as with a key.
        var entra = new FineTuningClient(_emulator.Endpoint, _emulator.Credential);
        (await entra.GetJobsAsync().ToListAsync()).Should().BeEmpty();
        _emulator.Requests[^1].Headers["Authorization"].Should().Be("REDACTED");
    }

    [Fact]
    public async Task Faults_RetriedCreatesOnlyWhenSafe()
    {
        FineTuningClient client = Client(azure: false);
        FineTuningFile train = await UploadAsync(client, TrainingData.ChatJsonl());

        // A 429 is refused before any work: the client retries the create.
        _emulator.Faults.TooManyRequests(1, TimeSpan.FromMilliseconds(5), EmulatedService.OpenAI);
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, train.Id!))).Value;
        job.Id.Should().NotBeNull();

        // A 503 on a create without an idempotency key is not retried: the error surfaces and nothing was created.
        _emulator.Faults.ServiceUnavailable(1, service: EmulatedService.OpenAI);
        var unavailable = await FluentActions.Awaiting(() => client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, train.Id!))).Should().ThrowAsync<RequestFailedException>();
        unavailable.Which.Status.Should().Be(503);
        unavailable.Which.ErrorCode.Should().Be("service_unavailable");

        (await client.GetJobsAsync().ToListAsync()).Select(j => j.Id).Should().Equal(job.Id);
        _emulator.Requests.Where(r => r.Method == "POST" && r.Path == "/fine_tuning/jobs").Select(r => r.StatusCode).Should().Equal(429, 200, 503);

        // Reads are retried through 503s.
        _emulator.Faults.ServiceUnavailable(2);
        (await client.GetJobAsync(job.Id!)).Value.Id.Should().Be(job.Id);
    }

    private HttpRequestMessage AzureRequest(HttpMethod method, string path, string apiVersion = "2024-05-01-preview")
    {
        var request = new HttpRequestMessage(method, _emulator.Endpoint.AbsoluteUri + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "api-version=" + apiVersion);
        request.Headers.Add("api-key", "raw-key");
        return request;
    }

    private HttpRequestMessage OpenAIRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, _emulator.Endpoint.AbsoluteUri + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-raw");
        return request;
    }
}
