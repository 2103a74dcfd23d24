using System.Diagnostics;
using System.Diagnostics.Tracing;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Telemetry;
using WireMock.Logging;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>
/// The fine-tuning "if exists" reads — <c>FineTuningClient.GetJobIfExists</c>, <c>FineTuningFilesClient.GetIfExists</c>,
/// <c>FineTuningModelsClient.GetModelIfExists</c> and <c>IngestionJobsClient.GetJobIfExists</c> — on Azure OpenAI and
/// the OpenAI platform: the Get's exact request, span and value; a 404 in either service's error shape (or no JSON at
/// all) answered as a response without a value (not thrown, not logged as an error response, the span not failed);
/// every other failure a <see cref="RequestFailedException"/> with its status and code.
/// </summary>
public sealed class FineTuningIfExistsTests : IDisposable
{
    private const string AzureOpenAI = "Azure OpenAI";
    private const string OpenAIPlatform = "OpenAI platform";
    private const string AzureKey = "azure-key";

    private const string AzureNotFound = """{"error":{"code":"notFound","message":"The resource was not found."}}""";

    private static readonly Dictionary<string, Lookup> s_lookups = new()
    {
        ["job"] = new(
            "/fine_tuning/jobs/{0}",
            "ftjob-1",
            "FineTuningClient.GetJob",
            """{"object":"fine_tuning.job","id":"ftjob-1","status":"running","model":"gpt-4o-mini-2024-07-18","training_file":"file-1","created_at":1721764800,"hyperparameters":{"n_epochs":"auto"}}""",
            """{"error":{"message":"Could not find fine-tuning job: ftjob-1.","type":"invalid_request_error","param":null,"code":null}}""",
            AzureOnly: false,
            async (client, id, async) => FoundryTrainingSerializer.Serialize((async ? await client.GetJobAsync(id) : client.GetJob(id)).Value),
            async (client, id, async) => Found.Of(async ? await client.GetJobIfExistsAsync(id) : client.GetJobIfExists(id))),
        ["file"] = new(
            "/files/{0}",
            "file-1",
            "FineTuningFilesClient.Get",
            """{"object":"file","id":"file-1","bytes":120000,"created_at":1677610602,"filename":"train.jsonl","purpose":"fine-tune","status":"processed"}""",
            """{"error":{"message":"No such File object: file-1","type":"invalid_request_error","param":"id","code":null}}""",
            AzureOnly: false,
            async (client, id, async) => FoundryTrainingSerializer.Serialize((async ? await client.GetFilesClient().GetAsync(id) : client.GetFilesClient().Get(id)).Value),
            async (client, id, async) => Found.Of(async ? await client.GetFilesClient().GetIfExistsAsync(id) : client.GetFilesClient().GetIfExists(id))),
        ["model"] = new(
            "/models/{0}",
            "gpt-4o-mini",
            "FineTuningModelsClient.GetModel",
            """{"object":"model","id":"gpt-4o-mini","created":1686935002,"owned_by":"system","status":"succeeded"}""",
            """{"error":{"message":"The model 'gpt-4o-mini' does not exist","type":"invalid_request_error","param":"model","code":"model_not_found"}}""",
            AzureOnly: false,
            async (client, id, async) => FoundryTrainingSerializer.Serialize((async ? await client.GetModelsClient().GetModelAsync(id) : client.GetModelsClient().GetModel(id)).Value),
            async (client, id, async) => Found.Of(async ? await client.GetModelsClient().GetModelIfExistsAsync(id) : client.GetModelsClient().GetModelIfExists(id))),
        ["ingestion"] = new(
            "/ingestion/jobs/{0}",
            "docs",
            "IngestionJobsClient.GetJob",
            """{"kind":"SystemCompute","jobId":"docs"}""",
            OpenAINotFound: null,
            AzureOnly: true,
            async (client, id, async) => FoundryTrainingSerializer.Serialize((async ? await client.GetIngestionJobsClient().GetJobAsync(id) : client.GetIngestionJobsClient().GetJob(id)).Value),
            async (client, id, async) => Found.Of(async ? await client.GetIngestionJobsClient().GetJobIfExistsAsync(id) : client.GetIngestionJobsClient().GetJobIfExists(id))),
    };

    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    /// <summary>Every look-up on every service that has it, sync and async.</summary>
    public static TheoryData<string, string, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach ((string name, Lookup lookup) in s_lookups)
            {
                foreach (string service in lookup.AzureOnly ? new[] { AzureOpenAI } : new[] { AzureOpenAI, OpenAIPlatform })
                {
                    data.Add(name, service, true);
                    data.Add(name, service, false);
                }
            }

            return data;
        }
    }

    /// <summary><see cref="Cases"/> with each failure status other than 404.</summary>
    public static TheoryData<string, string, bool, int> FailureCases
    {
        get
        {
            var data = new TheoryData<string, string, bool, int>();
            foreach (object[] row in Cases)
            {
                data.Add((string)row[0], (string)row[1], (bool)row[2], 403);
                data.Add((string)row[0], (string)row[1], (bool)row[2], 500);
            }

            return data;
        }
    }

    private FineTuningClient Client(string service)
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        if (service == AzureOpenAI)
        {
            return new FineTuningClient(_service.Endpoint, new AzureKeyCredential(AzureKey), options);
        }

        options.OpenAIEndpoint = new Uri(_service.Endpoint, "v1");
        options.OpenAIOrganization = "org-123";
        options.OpenAIProject = "proj-456";
        return FineTuningClient.ForOpenAI("sk-test", options);
    }

    private static string PathOf(Lookup lookup, string service, string escapedId) =>
        (service == AzureOpenAI ? "/openai" : "/v1") + string.Format(System.Globalization.CultureInfo.InvariantCulture, lookup.Route, escapedId);

    private void Respond(string path, int status, string body) =>
        _service.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>The exact request of the service: GET, the path, its version (Azure OpenAI) or none (OpenAI platform), its credentials, no body.</summary>
    private static void AssertServiceRequest(ILogEntry entry, string service, string path)
    {
        WireMock.IRequestMessage request = entry.RequestMessage;
        request.Method.Should().Be("GET");
        request.AbsolutePath.Should().Be(path);
        request.Body.Should().BeNullOrEmpty();
        (request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.Single())
            .Should().Equal(service == AzureOpenAI ? new Dictionary<string, string> { ["api-version"] = "2024-05-01-preview" } : new Dictionary<string, string>());
        IDictionary<string, WireMock.Types.WireMockList<string>> headers = request.Headers!;
        if (service == AzureOpenAI)
        {
            headers["api-key"].Should().Equal(AzureKey);
            headers.Should().NotContainKey("Authorization");
        }
        else
        {
            headers["Authorization"].Should().Equal("Bearer sk-test");
            headers["OpenAI-Organization"].Should().Equal("org-123");
            headers["OpenAI-Project"].Should().Equal("proj-456");
            headers.Should().NotContainKey("api-key");
        }
    }

    /// <summary>A request as it went on the wire, without the values that differ on every request (its id, its trace context).</summary>
    private static IEnumerable<string> Comparable(ILogEntry entry)
    {
        var perRequest = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x-ms-client-request-id", "traceparent", "tracestate", "Request-Id" };
        return new[] { entry.RequestMessage.Method + " " + entry.RequestMessage.Url, "body: " + entry.RequestMessage.Body }
            .Concat(entry.RequestMessage.Headers!.Where(h => !perRequest.Contains(h.Key)).Select(h => h.Key.ToLowerInvariant() + ": " + string.Join(",", h.Value)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnExistingOne_IsTheGetsExactRequestSpanAndValue(string name, string service, bool async)
    {
        Lookup lookup = s_lookups[name];
        string path = PathOf(lookup, service, lookup.Id);
        Respond(path, 200, lookup.Body);
        FineTuningClient client = Client(service);
        string got = await lookup.Get(client, lookup.Id, async);
        using var spans = new SpanRecorder();

        Found found = await lookup.IfExists(client, lookup.Id, async);

        IReadOnlyList<ILogEntry> requests = _service.Requests;
        requests.Should().HaveCount(2);
        AssertServiceRequest(requests[1], service, path);
        Comparable(requests[1]).Should().Equal(Comparable(requests[0]), "the if-exists read sends the Get's request");
        found.HasValue.Should().BeTrue();
        found.Raw.Status.Should().Be(200);
        JsonAssert.Equivalent(got, found.Json!);
        JsonAssert.Equivalent(lookup.Body, found.Json!);
        Activity span = spans.Single(lookup.Span);
        span.Status.Should().NotBe(ActivityStatusCode.Error);
        span.GetTagItem(FoundryTrainingTelemetry.IdTag).Should().Be(lookup.Id);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AMissingOne_InTheServicesErrorShape_HasNoValue_NotAnErrorResponseOrAFailedSpan(string name, string service, bool async)
    {
        Lookup lookup = s_lookups[name];
        string path = PathOf(lookup, service, lookup.Id);
        Respond(path, 404, service == AzureOpenAI ? AzureNotFound : lookup.OpenAINotFound!);
        using var capture = new LogCapture(EventLevel.Informational);
        using var spans = new SpanRecorder();

        Found found = await lookup.IfExists(Client(service), lookup.Id, async);

        AssertServiceRequest(_service.SingleRequest, service, path);
        found.HasValue.Should().BeFalse();
        found.Raw.Status.Should().Be(404);
        found.Invoking(f => f.ValueOf()).Should().Throw<InvalidOperationException>().WithMessage("*404*HasValue*");
        string requestId = _service.SingleRequest.RequestMessage.Headers!["x-ms-client-request-id"].Single();
        capture.Text.Should().Contain($"Response [{requestId}] 404", "Azure.Core still logs the answer, as a plain response")
            .And.NotContain($"Error response [{requestId}]");
        spans.Single(lookup.Span).Status.Should().NotBe(ActivityStatusCode.Error);
    }

    [Theory]
    [InlineData("job", "")]
    [InlineData("file", "<html><body>Not Found</body></html>")]
    [InlineData("model", "{\"error\":")]
    [InlineData("ingestion", "null")]
    public async Task A404_WithoutAReadableErrorBody_StillHasNoValue(string name, string body)
    {
        Lookup lookup = s_lookups[name];
        Respond(PathOf(lookup, AzureOpenAI, lookup.Id), 404, body);

        Found found = await lookup.IfExists(Client(AzureOpenAI), lookup.Id, true);

        found.HasValue.Should().BeFalse();
        found.Raw.Status.Should().Be(404);
    }

    [Theory]
    [MemberData(nameof(FailureCases))]
    public async Task AnyOtherFailure_IsARequestFailedException_WithTheStatusAndCode(string name, string service, bool async, int status)
    {
        Lookup lookup = s_lookups[name];
        string code = status == 403 ? "PermissionDenied" : "server_error";
        Respond(
            PathOf(lookup, service, lookup.Id),
            status,
            service == AzureOpenAI
                ? $$$"""{"error":{"code":"{{{code}}}","message":"It failed."}}"""
                : $$$"""{"error":{"message":"It failed.","type":"{{{(status == 403 ? "invalid_request_error" : "server_error")}}}","param":null,"code":{{{(status == 403 ? "\"PermissionDenied\"" : "null")}}}}}""");
        using var spans = new SpanRecorder();

        Func<Task> get = () => lookup.IfExists(Client(service), lookup.Id, async);

        RequestFailedException error = (await get.Should().ThrowAsync<RequestFailedException>()).Which;
        error.Status.Should().Be(status);
        error.ErrorCode.Should().Be(code, "the OpenAI platform's code, or its type when the code is null");
        spans.Single(lookup.Span).Status.Should().Be(ActivityStatusCode.Error);
        _service.Requests.Should().ContainSingle("nothing is retried: retries are off");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABodyThatBreaksTheContract_IsARequestFailedException_AsForTheGet(string name, string service, bool async)
    {
        Lookup lookup = s_lookups[name];
        Respond(PathOf(lookup, service, lookup.Id), 200, "[1, 2");
        FineTuningClient client = Client(service);

        RequestFailedException viaGet = (await FluentActions.Awaiting(() => lookup.Get(client, lookup.Id, async)).Should().ThrowAsync<RequestFailedException>()).Which;
        RequestFailedException viaIfExists = (await FluentActions.Awaiting(() => lookup.IfExists(client, lookup.Id, async)).Should().ThrowAsync<RequestFailedException>()).Which;

        viaIfExists.Status.Should().Be(200);
        viaIfExists.ErrorCode.Should().Be(viaGet.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvalidIds_FailFast_NamingTheParameter_AndSendNothing(string name, string service, bool async)
    {
        Lookup lookup = s_lookups[name];
        string parameter = name switch { "file" => "fileId", "model" => "modelId", _ => "jobId" };
        FineTuningClient client = Client(service);

        (await FluentActions.Awaiting(() => lookup.IfExists(client, null!, async)).Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be(parameter);
        foreach (string bad in new[] { "", " ", "\t", ".", "..", "../x", "x/..", "a\nb" })
        {
            (await FluentActions.Awaiting(() => lookup.IfExists(client, bad, async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(parameter);
        }

        _service.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnIdWithSlashesOrDots_StaysInItsSegment_AsInTheGet(string name, string service, bool async)
    {
        Lookup lookup = s_lookups[name];
        const string id = "ft/x./..y/1";
        string path = PathOf(lookup, service, "ft%2Fx.%2F..y%2F1");
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(404).WithBody(AzureNotFound));
        FineTuningClient client = Client(service);

        Found found = await lookup.IfExists(client, id, async);
        await FluentActions.Awaiting(() => lookup.Get(client, id, async)).Should().ThrowAsync<RequestFailedException>();

        found.HasValue.Should().BeFalse();
        IReadOnlyList<ILogEntry> requests = _service.Requests;
        requests.Should().HaveCount(2);
        requests[0].RequestMessage.Url.Should().Contain(path);
        requests[0].RequestMessage.Url.Should().Be(requests[1].RequestMessage.Url);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IngestionJobs_OnTheOpenAIPlatform_AreNotSupported_BeforeAnyRequest(bool async)
    {
        // The platform has no such route; its 404 would say nothing about the job, so no answer is made of it.
        Lookup lookup = s_lookups["ingestion"];

        Func<Task> get = () => lookup.IfExists(Client(OpenAIPlatform), "docs", async);

        (await get.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should().Contain("Azure OpenAI");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Mocking_ThroughTheProtectedConstructorsAndTheInterfaces_AnswersWithoutAService()
    {
        FineTuningJob job = FineTuningModelFactory.FineTuningJob("ftjob-here", FineTuningState.Running);
        IFineTuningClient client = new MockClient(job);

        (await client.GetJobIfExistsAsync("ftjob-here")).Value!.Id.Should().Be("ftjob-here");
        client.GetJobIfExists("ftjob-gone").HasValue.Should().BeFalse();
        IFineTuningFilesClient files = client.GetFilesClient();
        (await files.GetIfExistsAsync("file-gone")).HasValue.Should().BeFalse();
        files.GetIfExists("file-gone").HasValue.Should().BeFalse();
        IFineTuningModelsClient models = client.GetModelsClient();
        (await models.GetModelIfExistsAsync("gpt-gone")).HasValue.Should().BeFalse();
        models.GetModelIfExists("gpt-gone").HasValue.Should().BeFalse();
        IIngestionJobsClient ingestion = client.GetIngestionJobsClient();
        (await ingestion.GetJobIfExistsAsync("docs-gone")).HasValue.Should().BeFalse();
        ingestion.GetJobIfExists("docs-gone").HasValue.Should().BeFalse();
        _service.Requests.Should().BeEmpty();
    }

    /// <summary>One look-up: its route (below the service root, <c>{0}</c> for the id), an id, the span it shares with its Get, the bodies, and its two calls.</summary>
    private sealed record Lookup(
        string Route,
        string Id,
        string Span,
        string Body,
        string? OpenAINotFound,
        bool AzureOnly,
        Func<FineTuningClient, string, bool, Task<string>> Get,
        Func<FineTuningClient, string, bool, Task<Found>> IfExists);

    /// <summary>What an if-exists read answered, whatever its value type.</summary>
    private sealed class Found
    {
        private readonly Func<object?> _value;

        private Found(bool hasValue, Func<object?> value, string? json, Azure.Response raw)
        {
            HasValue = hasValue;
            _value = value;
            Json = json;
            Raw = raw;
        }

        public bool HasValue { get; }

        /// <summary>The value as JSON, when there is one.</summary>
        public string? Json { get; }

        public Azure.Response Raw { get; }

        public static Found Of<T>(NullableResponse<T> response) =>
            new(response.HasValue, () => response.Value, response.HasValue ? FoundryTrainingSerializer.Serialize(response.Value) : null, response.GetRawResponse());

        /// <summary>The response's own <c>Value</c>, which throws when there is none.</summary>
        public object? ValueOf() => _value();
    }

    /// <summary>A response without a value, as a mock returns for "not there".</summary>
    private sealed class NoValue<T> : NullableResponse<T>
    {
        public override bool HasValue => false;

        public override T? Value => throw new InvalidOperationException("No value.");

        public override Azure.Response GetRawResponse() => throw new NotSupportedException("A mock has no raw response.");
    }

    private static Task<NullableResponse<T>> Answer<T>(T? value, bool exists)
        where T : class =>
        Task.FromResult(exists ? (NullableResponse<T>)Azure.Response.FromValue(value!, null!) : new NoValue<T>());

    private sealed class MockClient : FineTuningClient
    {
        private readonly FineTuningJob _job;

        public MockClient(FineTuningJob job) => _job = job;

        public override Task<NullableResponse<FineTuningJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default) =>
            Answer(_job, jobId == _job.Id);

        public override NullableResponse<FineTuningJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default) =>
            GetJobIfExistsAsync(jobId, cancellationToken).Result;

        public override FineTuningFilesClient GetFilesClient() => new MockFiles();

        public override FineTuningModelsClient GetModelsClient() => new MockModels();

        public override IngestionJobsClient GetIngestionJobsClient() => new MockIngestion();
    }

    private sealed class MockFiles : FineTuningFilesClient
    {
        public override Task<NullableResponse<FineTuningFile>> GetIfExistsAsync(string fileId, CancellationToken cancellationToken = default) => Answer<FineTuningFile>(null, false);

        public override NullableResponse<FineTuningFile> GetIfExists(string fileId, CancellationToken cancellationToken = default) => new NoValue<FineTuningFile>();
    }

    private sealed class MockModels : FineTuningModelsClient
    {
        public override Task<NullableResponse<FineTuningModel>> GetModelIfExistsAsync(string modelId, CancellationToken cancellationToken = default) => Answer<FineTuningModel>(null, false);

        public override NullableResponse<FineTuningModel> GetModelIfExists(string modelId, CancellationToken cancellationToken = default) => new NoValue<FineTuningModel>();
    }

    private sealed class MockIngestion : IngestionJobsClient
    {
        public override Task<NullableResponse<IngestionJob>> GetJobIfExistsAsync(string jobId, CancellationToken cancellationToken = default) => Answer<IngestionJob>(null, false);

        public override NullableResponse<IngestionJob> GetJobIfExists(string jobId, CancellationToken cancellationToken = default) => new NoValue<IngestionJob>();
    }
}
