using System.Net.Sockets;
using System.Text;
using Azure;
using Foundry.Training.FineTuning;
using Polly;
using Foundry.Training.Testing;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// A file upload (or import) reaches the service once: it is resent only when the service refused it (429, a 5xx with
/// <c>Retry-After</c>) or it was cut off before the service had all of it; after an ambiguous failure the file the
/// attempt may have stored is looked up and returned instead of a second copy being uploaded.
/// </summary>
public sealed class UploadRetrySafetyTests : IDisposable
{
    private const string Content = "line1\nline2\n"; // 12 bytes
    private const string FilesPath = "/openai/files";
    private const string ApiVersion = "api-version=2024-05-01-preview";

    // The client's clock: the upload begins at 2030-01-01T00:00:00Z, unix 1893456000.
    private static readonly DateTimeOffset s_start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RecordingTimeProvider _clock = new(s_start);
    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private FineTuningFilesClient Files(Uri endpoint, int maxRetries = 3, bool openAI = false)
    {
        var options = new FineTuningClientOptions { TimeProvider = _clock };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: _clock);
        if (openAI)
        {
            options.OpenAIEndpoint = endpoint;
            return FineTuningClient.ForOpenAI("sk-test", options).GetFilesClient();
        }

        return new FineTuningClient(endpoint, new AzureKeyCredential("key"), options).GetFilesClient();
    }

    private static async Task<Response<FineTuningFile>> UploadAsync(FineTuningFilesClient files, bool async = true, Stream? content = null)
    {
        content ??= new MemoryStream(Encoding.UTF8.GetBytes(Content));
        return async
            ? await files.UploadAsync(content, "train.jsonl", FilePurpose.FineTune)
            : files.Upload(content, "train.jsonl", FilePurpose.FineTune);
    }

    /// <summary>A file as the service lists it; <paramref name="createdAfterStart"/> is seconds after the upload began by the client's clock.</summary>
    private static string FileJson(string id, long createdAfterStart = 1, string name = "train.jsonl", string purpose = "fine-tune", long? bytes = 12, string status = "pending") =>
        $$"""{"object":"file","id":"{{id}}","created_at":{{s_start.ToUnixTimeSeconds() + createdAfterStart}},"filename":"{{name}}","purpose":"{{purpose}}","status":"{{status}}"{{(bytes is null ? "" : $",\"bytes\":{bytes}")}}}""";

    private static string ListJson(params string[] files) => $$"""{"object":"list","data":[{{string.Join(",", files)}}]}""";

    private static IResponseBuilder Json(int status, string body, params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    private static IResponseBuilder Unavailable(params (string Name, string Value)[] headers) =>
        Json(503, """{"error":{"code":"serviceUnavailable","message":"Try again."}}""", headers);

    /// <summary>Answers the uploads (POST) in turn, the last answer from then on.</summary>
    private static void UploadsAnswer(WireMockServer server, string path, params IResponseBuilder[] answers)
    {
        for (int step = 0; step < answers.Length; step++)
        {
            var mapping = server.Given(Request.Create().UsingPost().WithPath(path)).InScenario("uploads");
            if (step > 0)
            {
                mapping = mapping.WhenStateIs($"step {step}");
            }

            mapping.WillSetStateTo($"step {Math.Min(step + 1, answers.Length - 1)}").RespondWith(answers[step]);
        }
    }

    private void ListAnswers(IResponseBuilder answer) =>
        _service.Server.Given(Request.Create().UsingGet().WithPath(FilesPath)).RespondWith(answer);

    private void FileAnswers(string id, string json) =>
        _service.Server.Given(Request.Create().UsingGet().WithPath(FilesPath + "/" + id)).RespondWith(Json(200, json));

    private IEnumerable<string> RequestLines() =>
        _service.Requests.Select(r => r.RequestMessage.Method + " " + r.RequestMessage.Path + "?" + string.Join("&", r.RequestMessage.Query!.Select(q => q.Key + "=" + string.Join(",", q.Value))));

    private static string[] UploadedBodies(IEnumerable<WireMock.Logging.ILogEntry> requests) =>
        requests.Where(r => r.RequestMessage.Method == "POST").Select(r => Encoding.UTF8.GetString(r.RequestMessage.BodyAsBytes!)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServiceUnavailableWithoutRetryAfter_IsNotResent_TheStoredFileIsLookedFor_AndTheFailureSurfaces(bool async)
    {
        UploadsAnswer(_service.Server, FilesPath, Unavailable());
        ListAnswers(Json(200, ListJson()));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint), async)).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(503);
        failure.ErrorCode.Should().Be("serviceUnavailable");
        RequestLines().Should().Equal($"POST {FilesPath}?api-version=2024-05-01-preview", $"GET {FilesPath}?api-version=2024-05-01-preview&purpose=fine-tune");
        _clock.Waits.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Retry-After", "2", 2000)]
    [InlineData("retry-after-ms", "150", 150)]
    public async Task ServiceUnavailableWithRetryAfter_IsResentWhole_AndNothingIsLookedUp(string header, string value, int waitMilliseconds)
    {
        UploadsAnswer(_service.Server, FilesPath, Unavailable((header, value)), Json(201, FileJson("file-1")));

        Response<FineTuningFile> response = await UploadAsync(Files(_service.Endpoint));

        response.GetRawResponse().Status.Should().Be(201);
        response.Value.Id.Should().Be("file-1");
        _service.Requests.Should().HaveCount(2).And.OnlyContain(r => r.RequestMessage.Method == "POST" && r.RequestMessage.Path == FilesPath);
        UploadedBodies(_service.Requests).Should().HaveCount(2).And.OnlyContain(body => body.Contains("\r\n\r\n" + Content + "\r\n--", StringComparison.Ordinal));
        _clock.Waits.Should().Equal(TimeSpan.FromMilliseconds(waitMilliseconds));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TooManyRequests_IsResent(bool async)
    {
        UploadsAnswer(_service.Server, FilesPath, Json(429, """{"error":{"code":"429","message":"Slow down."}}"""), Json(201, FileJson("file-1")));

        Response<FineTuningFile> response = await UploadAsync(Files(_service.Endpoint), async);

        response.Value.Id.Should().Be("file-1");
        UploadedBodies(_service.Requests).Should().HaveCount(2).And.OnlyContain(body => body.Contains(Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANonSeekableStream_IsNeverResent_EvenAfterA429()
    {
        UploadsAnswer(_service.Server, FilesPath, Json(429, """{"error":{"code":"429","message":"Slow down."}}"""), Json(201, FileJson("file-1")));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint), content: new PatternStream(1000, seekable: false)))
            .Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(429, "the throttling answer surfaces, not a failure to rewind the stream");
        _service.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GatewayTimeout_ReturnsTheFileTheUploadStored_InsteadOfUploadingAgain(bool async)
    {
        UploadsAnswer(_service.Server, FilesPath, Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(200, ListJson(FileJson("file-old", createdAfterStart: -3600), FileJson("file-stored", createdAfterStart: 3))));
        string stored = FileJson("file-stored", createdAfterStart: 3, status: "processed");
        FileAnswers("file-stored", stored);

        Response<FineTuningFile> response = await UploadAsync(Files(_service.Endpoint), async);

        response.Value.Id.Should().Be("file-stored");
        response.Value.Status.Should().Be(FileState.Processed, "the file is read afresh");
        response.GetRawResponse().Status.Should().Be(200);
        JsonAssert.Equivalent(response.GetRawResponse().Content.ToString(), stored);
        RequestLines().Should().Equal(
            $"POST {FilesPath}?{ApiVersion}",
            $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune",
            $"GET {FilesPath}/file-stored?{ApiVersion}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResetAfterTheUploadWasSent_ReturnsTheStoredFile(bool async)
    {
        using var server = new FaultyServer(
            ConnectionFault.Reset,
            ConnectionFault.Respond(200, ListJson(FileJson("file-abc"))),
            ConnectionFault.Respond(200, FileJson("file-abc")));

        Response<FineTuningFile> response = await UploadAsync(Files(server.Endpoint), async);

        response.Value.Id.Should().Be("file-abc");
        server.Requests.Select(r => r.Substring(0, r.IndexOf("\r\n", StringComparison.Ordinal))).Should().Equal(
            $"POST {FilesPath}?{ApiVersion} HTTP/1.1",
            $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune HTTP/1.1",
            $"GET {FilesPath}/file-abc?{ApiVersion} HTTP/1.1");
        server.Requests[0].Should().Contain("\r\n\r\n" + Content + "\r\n--", "the whole upload was sent once");
        _clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task AResetAfterTheUploadWasSent_WithNothingStored_SurfacesTheReset()
    {
        using var server = new FaultyServer(ConnectionFault.Reset, ConnectionFault.Respond(200, ListJson(FileJson("file-other", name: "other.jsonl"))));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(server.Endpoint))).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(0);
        server.Requests.Should().HaveCount(2, "one upload and one listing; no second upload");
        server.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task AResponseCutShort_IsAmbiguousToo_AndTheStoredFileIsReturned()
    {
        using var server = new FaultyServer(
            ConnectionFault.TruncatedTransfer(201, FileJson("file-abc")),
            ConnectionFault.Respond(200, ListJson(FileJson("file-abc"))),
            ConnectionFault.Respond(200, FileJson("file-abc")));

        Response<FineTuningFile> response = await UploadAsync(Files(server.Endpoint));

        response.Value.Id.Should().Be("file-abc");
        server.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task AnUploadCutOffWhileItWasSent_IsResentWhole_WithoutALookup()
    {
        const long Size = 16 * 1024 * 1024; // more than loopback socket buffers hold, so the reset meets an unfinished send
        using var server = new CutOffServer(FileJson("file-1", bytes: Size));
        using var content = new PatternStream(Size);

        Response<FineTuningFile> response = await UploadAsync(Files(server.Endpoint), content: content);

        response.Value.Id.Should().Be("file-1");
        server.Uploads.Should().HaveCount(2);
        server.Uploads[0].Should().StartWith($"POST {FilesPath}?{ApiVersion} HTTP/1.1");
        server.CompleteBodyLength.Should().BeGreaterThan(Size, "the second attempt sent the whole file again");
        _clock.Waits.Should().ContainSingle();
    }

    [Fact]
    public async Task Lookup_KeepsOnlyAFileOfTheSameNamePurposeAndSize_CreatedSinceTheUploadBegan_AllowingForClockSkew()
    {
        UploadsAnswer(_service.Server, FilesPath, Json(500, """{"error":{"code":"internalFailure","message":"Oops."}}"""));
        ListAnswers(Json(200, ListJson(
            FileJson("file-other-name", name: "train2.jsonl"),
            FileJson("file-other-size", bytes: 13),
            FileJson("file-other-purpose", purpose: "assistants"),
            FileJson("file-before-window", createdAfterStart: -121),
            FileJson("file-deleted", status: "deleted"),
            FileJson("file-skewed", createdAfterStart: -90))));
        FileAnswers("file-skewed", FileJson("file-skewed", createdAfterStart: -90));

        Response<FineTuningFile> response = await UploadAsync(Files(_service.Endpoint));

        response.Value.Id.Should().Be("file-skewed", "the service's clock may be up to two minutes behind");
    }

    [Fact]
    public async Task Lookup_WithSeveralCandidates_FailsClearly_ListingThem()
    {
        UploadsAnswer(_service.Server, FilesPath, Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(200, ListJson(FileJson("file-b", createdAfterStart: 5), FileJson("file-a", createdAfterStart: 2))));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint))).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(504);
        failure.ErrorCode.Should().Be("FileCreateOutcomeUnknown");
        failure.Message.Should().Contain("'train.jsonl'").And.Contain("2 files").And.Contain("file-a, file-b");
        failure.InnerException.Should().BeOfType<RequestFailedException>().Which.ErrorCode.Should().Be("gatewayTimeout");
        _service.Requests.Count(r => r.RequestMessage.Method == "POST").Should().Be(1);
    }

    /// <summary>
    /// A listed file whose id cannot name it in a URL is service data, not an argument: it is no candidate (it could not
    /// be read back), and the upload's own failure surfaces, never an <see cref="ArgumentException"/>.
    /// </summary>
    [Theory]
    [InlineData("..", true)]
    [InlineData("   ", true)]
    [InlineData("file\\u0007x", true)]
    [InlineData("..", false)]
    public async Task Lookup_OfAFileWhoseIdCannotBeAPathSegment_SurfacesTheOriginalFailure(string jsonId, bool async)
    {
        UploadsAnswer(_service.Server, FilesPath, Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(200, ListJson(FileJson(jsonId, createdAfterStart: 2))));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint, maxRetries: 1), async)).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(504);
        failure.ErrorCode.Should().Be("gatewayTimeout");
        RequestLines().Should().Equal($"POST {FilesPath}?{ApiVersion}", $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune");
    }

    /// <summary>Among several files of the name, one whose id cannot be a path segment is left out: the usable one is returned.</summary>
    [Fact]
    public async Task Lookup_LeavesOutAFileWhoseIdCannotBeAPathSegment_AndReturnsTheUsableOne()
    {
        UploadsAnswer(_service.Server, FilesPath, Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(200, ListJson(FileJson("..", createdAfterStart: 3), FileJson("file-1", createdAfterStart: 2))));
        FileAnswers("file-1", FileJson("file-1", createdAfterStart: 2, status: "processed"));

        Response<FineTuningFile> response = await UploadAsync(Files(_service.Endpoint, maxRetries: 1));

        response.Value.Id.Should().Be("file-1");
        RequestLines().Should().Equal($"POST {FilesPath}?{ApiVersion}", $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune", $"GET {FilesPath}/file-1?{ApiVersion}");
    }

    [Fact]
    public async Task Lookup_ThatFails_SurfacesTheOriginalFailure()
    {
        UploadsAnswer(_service.Server, FilesPath, Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(500, """{"error":{"code":"internalFailure","message":"Listing is down."}}"""));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint, maxRetries: 1))).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(504);
        failure.ErrorCode.Should().Be("gatewayTimeout");
        RequestLines().Should().Equal(
            $"POST {FilesPath}?{ApiVersion}",
            $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune",
            $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune");
    }

    [Fact]
    public async Task Lookup_OfAPagerThatNeverEnds_ReadsTenPagesAtMost()
    {
        UploadsAnswer(_service.Server, "/files", Json(504, """{"error":{"message":"Gateway timeout.","type":"server_error"}}"""));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/files")).RespondWith(
            Json(200, $$"""{"object":"list","data":[{{FileJson("file-other", name: "other.jsonl")}}],"has_more":true,"last_id":"file-other"}"""));

        RequestFailedException failure = (await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint, openAI: true))).Should().ThrowAsync<RequestFailedException>()).Which;

        failure.Status.Should().Be(504);
        _service.Requests.Count(r => r.RequestMessage.Method == "GET").Should().Be(10);
    }

    [Fact]
    public async Task Lookup_StopsAtThePageThatReachesBackPastTheUpload()
    {
        UploadsAnswer(_service.Server, "/files", Json(504, """{"error":{"message":"Gateway timeout.","type":"server_error"}}"""));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/files")).RespondWith(
            Json(200, $$"""{"object":"list","data":[{{FileJson("file-old", createdAfterStart: -3600)}}],"has_more":true,"last_id":"file-old"}"""));

        await FluentActions.Awaiting(() => UploadAsync(Files(_service.Endpoint, openAI: true))).Should().ThrowAsync<RequestFailedException>();

        RequestLines().Should().Equal(new[] { "POST /files?", "GET /files?purpose=fine-tune" }, "newest first: nothing older can be this upload's");
    }

    [Fact]
    public async Task Import_WithALostResponse_ReturnsTheFileItCreated_MatchingByNameAndPurpose()
    {
        UploadsAnswer(_service.Server, FilesPath + "/import", Json(504, """{"error":{"code":"gatewayTimeout","message":"The backend did not answer."}}"""));
        ListAnswers(Json(200, ListJson(FileJson("file-imported", bytes: null))));
        FileAnswers("file-imported", FileJson("file-imported", bytes: null));

        Response<FineTuningFile> response = await Files(_service.Endpoint).ImportAsync(new FineTuningFileImport(new Uri("https://blob.example/train.jsonl?sig=secret"), "train.jsonl", FilePurpose.FineTune));

        response.Value.Id.Should().Be("file-imported");
        RequestLines().Should().Equal(
            $"POST {FilesPath}/import?{ApiVersion}",
            $"GET {FilesPath}?{ApiVersion}&purpose=fine-tune",
            $"GET {FilesPath}/file-imported?{ApiVersion}");
    }

    [Fact]
    public async Task Import_ServiceUnavailableWithRetryAfter_IsResent()
    {
        UploadsAnswer(_service.Server, FilesPath + "/import", Unavailable(("Retry-After", "1")), Json(201, FileJson("file-imported", bytes: null)));

        Response<FineTuningFile> response = await Files(_service.Endpoint).ImportAsync(new FineTuningFileImport(new Uri("https://blob.example/train.jsonl"), "train.jsonl", FilePurpose.FineTune));

        response.Value.Id.Should().Be("file-imported");
        _service.Requests.Should().HaveCount(2).And.OnlyContain(r => r.RequestMessage.Method == "POST");
    }

    [Fact]
    public async Task APollyRetryStrategy_IsRefusedASecondUpload()
    {
        UploadsAnswer(_service.Server, FilesPath, Unavailable(("Retry-After", "1")), Json(201, FileJson("file-1")));
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        options.ResiliencePipeline = new Polly.ResiliencePipelineBuilder<Azure.Response>()
            .AddRetry(new Polly.Retry.RetryStrategyOptions<Azure.Response>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = new Polly.PredicateBuilder<Azure.Response>().HandleResult(r => r.Status == 503),
            })
            .Build();
        FineTuningFilesClient files = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), options).GetFilesClient();

        await FluentActions.Awaiting(() => UploadAsync(files)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*not safe to send twice*");
        _service.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(EmulatedService.AzureOpenAI)]
    [InlineData(EmulatedService.OpenAI)]
    public async Task Emulator_ALostResponseToAnUpload_LeavesExactlyOneFileOnTheService(EmulatedService service)
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        FineTuningClient client = service == EmulatedService.OpenAI ? emulator.CreateOpenAIClient() : emulator.CreateAzureOpenAIClient();
        emulator.Faults.GatewayTimeoutAfterProcessing(1, service);

        FineTuningFile file = (await client.GetFilesClient().UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Content)), "train.jsonl", FilePurpose.FineTune)).Value;

        List<FineTuningFile> stored = await client.GetFilesClient().GetFilesAsync().ToListAsync();
        stored.Select(f => f.Id).Should().Equal(file.Id);
        file.FileName.Should().Be("train.jsonl");
        file.Bytes.Should().Be(12);
        emulator.Requests.Where(r => r.Method == "POST").Should().ContainSingle().Which.StatusCode.Should().Be(504);
    }

    [Fact]
    public async Task Emulator_ALostResponseToAnImport_LeavesExactlyOneFileOnTheService()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start();
        FineTuningClient client = emulator.CreateAzureOpenAIClient();
        emulator.Faults.GatewayTimeoutAfterProcessing(1, EmulatedService.AzureOpenAI);

        FineTuningFile file = (await client.GetFilesClient().ImportAsync(new FineTuningFileImport(new Uri("https://blob.example/train.jsonl"), "train.jsonl", FilePurpose.FineTune))).Value;

        (await client.GetFilesClient().GetFilesAsync().ToListAsync()).Select(f => f.Id).Should().Equal(file.Id);
        emulator.Requests.Where(r => r.Method == "POST").Should().ContainSingle();
    }

    /// <summary>
    /// Resets the first connection as soon as the request head has arrived, before the body (the client is still
    /// sending it); answers every later upload with <c>201</c> after reading its whole body.
    /// </summary>
    private sealed class CutOffServer : LoopbackServer
    {
        private readonly string _created;
        private readonly List<string> _uploads = new();

        public CutOffServer(string created)
        {
            _created = created;
            StartAccepting();
        }

        public IReadOnlyList<string> Uploads
        {
            get
            {
                lock (_uploads)
                {
                    return _uploads.ToList();
                }
            }
        }

        public long CompleteBodyLength { get; private set; }

        protected override async Task ServeAsync(Socket socket)
        {
            var buffer = new byte[81920];
            var head = new StringBuilder();
            int headEnd;
            int read;
            while ((headEnd = head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }

            string text = head.ToString();
            bool first;
            lock (_uploads)
            {
                _uploads.Add(text.Substring(0, headEnd));
                first = _uploads.Count == 1;
            }

            if (first)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return;
            }

            long length = long.Parse(text.Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            long received = text.Length - headEnd - 4;
            while (received < length && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping)) > 0)
            {
                received += read;
            }

            CompleteBodyLength = received;
            byte[] body = Encoding.UTF8.GetBytes(_created);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n").Concat(body).ToArray(), SocketFlags.None);
            socket.Shutdown(SocketShutdown.Both);
        }
    }
}
