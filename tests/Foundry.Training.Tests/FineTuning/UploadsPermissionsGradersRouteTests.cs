using System.Text;
using System.Text.Json.Nodes;
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
/// The OpenAI platform's Uploads API, checkpoint permissions, graders and file expiry, each with the exact request
/// (method, path, query, headers, body) and the parsed response; and what a hostile service can send back: an upload
/// id that is not a path segment, a part without an id, a completion that is not a file.
/// </summary>
public sealed class UploadsPermissionsGradersRouteTests : IDisposable
{
    private const string UploadJson = """{"id":"upload_abc123","object":"upload","bytes":10,"created_at":1719184911,"filename":"train.jsonl","purpose":"fine-tune","status":"pending","expires_at":1719188511}""";
    private const string PartJson = """{"id":"part_def456","object":"upload.part","created_at":1719185911,"upload_id":"upload_abc123"}""";
    private const string CompletedJson = """
        {"id":"upload_abc123","object":"upload","bytes":10,"created_at":1719184911,"filename":"train.jsonl","purpose":"fine-tune","status":"completed","expires_at":1719188511,
         "file":{"id":"file-xyz321","object":"file","bytes":10,"created_at":1719186911,"expires_at":1719190511,"filename":"train.jsonl","purpose":"fine-tune","status":"uploaded"}}
        """;

    private const string Checkpoint = "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd";
    // WireMock sees the path as the server decoded it; the escaping itself (ft%3Agpt-...) is checked in PathSegmentTests.
    private const string CheckpointPath = "/v1/fine_tuning/checkpoints/" + Checkpoint + "/permissions";

    private readonly MockService _service = new();
    private readonly FineTuningClient _client;

    public UploadsPermissionsGradersRouteTests()
    {
        var options = new FineTuningClientOptions { OpenAIEndpoint = new Uri(_service.Endpoint, "v1"), OpenAIProject = "proj-456" };
        options.Retry.MaxRetries = 0;
        _client = FineTuningClient.ForOpenAI("sk-test", options);
    }

    public void Dispose() => _service.Dispose();

    private void Respond(string method, string path, string body, int status = 200) =>
        _service.Server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private ILogEntry Single(string method, string path)
    {
        ILogEntry entry = _service.Requests.Should().ContainSingle(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path).Subject;
        IDictionary<string, WireMock.Types.WireMockList<string>> headers = entry.RequestMessage.Headers!;
        headers["Authorization"].Should().Equal("Bearer sk-test");
        headers["OpenAI-Project"].Should().Equal("proj-456");
        headers.Should().NotContainKey("api-key");
        return entry;
    }

    private static void NoQuery(ILogEntry entry) => (entry.RequestMessage.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).Should().BeEmpty();

    [Fact]
    public async Task CreateUpload_PostsTheJsonTheSpecDefines()
    {
        Respond("POST", "/v1/uploads", UploadJson);
        var options = new FineTuningUploadCreateOptions("train.jsonl", FilePurpose.FineTune, 10, "text/jsonl") { ExpiresAfter = new FineTuningFileExpiration(TimeSpan.FromHours(1)) };

        FineTuningUpload upload = (await _client.GetFilesClient().CreateUploadAsync(options)).Value;

        ILogEntry entry = Single("POST", "/v1/uploads");
        NoQuery(entry);
        entry.RequestMessage.Headers!["Content-Type"].Single().Should().StartWith("application/json");
        JsonAssert.Equivalent("""{"filename":"train.jsonl","purpose":"fine-tune","bytes":10,"mime_type":"text/jsonl","expires_after":{"anchor":"created_at","seconds":3600}}""", entry.RequestMessage.Body!);
        upload.Id.Should().Be("upload_abc123");
        upload.Status.Should().Be(FineTuningUploadStatus.Pending);
        upload.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1719188511));
        upload.File.Should().BeNull();
    }

    [Fact]
    public async Task AddUploadPart_SendsTheBytesAsTheDataField()
    {
        Respond("POST", "/v1/uploads/upload_abc123/parts", PartJson);

        FineTuningUploadPart part = _client.GetFilesClient().AddUploadPart("upload_abc123", new MemoryStream(Encoding.UTF8.GetBytes("0123456789"))).Value;

        ILogEntry entry = Single("POST", "/v1/uploads/upload_abc123/parts");
        NoQuery(entry);
        string contentType = entry.RequestMessage.Headers!["Content-Type"].Single();
        contentType.Should().StartWith("multipart/form-data; boundary=");
        string boundary = contentType["multipart/form-data; boundary=".Length..];
        Encoding.UTF8.GetString(entry.RequestMessage.BodyAsBytes!).Should().Be(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"part\"\r\nContent-Type: application/octet-stream\r\n\r\n0123456789\r\n--{boundary}--\r\n");
        part.Id.Should().Be("part_def456");
        part.UploadId.Should().Be("upload_abc123");
        part.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1719185911));
    }

    [Fact]
    public async Task CompleteUpload_SendsThePartIdsInOrderAndTheMd5_AndReturnsTheFile()
    {
        Respond("POST", "/v1/uploads/upload_abc123/complete", CompletedJson);

        FineTuningUpload upload = (await _client.GetFilesClient().CompleteUploadAsync("upload_abc123", new[] { "part_b", "part_a" }, "781e5e245d69b566979b86e28d23f2c7")).Value;

        ILogEntry entry = Single("POST", "/v1/uploads/upload_abc123/complete");
        JsonAssert.Equivalent("""{"part_ids":["part_b","part_a"],"md5":"781e5e245d69b566979b86e28d23f2c7"}""", entry.RequestMessage.Body!);
        upload.Status.Should().Be(FineTuningUploadStatus.Completed);
        upload.File!.Id.Should().Be("file-xyz321");
        upload.File.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1719190511));
    }

    [Fact]
    public async Task CancelUpload_PostsWithoutABody()
    {
        Respond("POST", "/v1/uploads/upload_abc123/cancel", UploadJson.Replace("pending", "cancelled", StringComparison.Ordinal));

        FineTuningUpload upload = (await _client.GetFilesClient().CancelUploadAsync("upload_abc123")).Value;

        Single("POST", "/v1/uploads/upload_abc123/cancel").RequestMessage.Body.Should().BeNullOrEmpty();
        upload.Status.Should().Be(FineTuningUploadStatus.Cancelled);
    }

    [Fact]
    public async Task UploadInParts_CreatesSendsEveryPartAndCompletes_InThatOrder()
    {
        Respond("POST", "/v1/uploads", UploadJson);
        Respond("POST", "/v1/uploads/upload_abc123/parts", PartJson);
        Respond("POST", "/v1/uploads/upload_abc123/complete", CompletedJson);
        byte[] data = Encoding.UTF8.GetBytes("0123456789");

        FineTuningFile file = (await _client.GetFilesClient().UploadAsync(new MemoryStream(data), "train.jsonl", FilePurpose.FineTune,
            new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, PartSize = 4, MaxConcurrency = 1 })).Value;

        file.Id.Should().Be("file-xyz321");
        _service.Requests.Select(r => r.RequestMessage.Path).Should().Equal("/v1/uploads", "/v1/uploads/upload_abc123/parts", "/v1/uploads/upload_abc123/parts", "/v1/uploads/upload_abc123/parts", "/v1/uploads/upload_abc123/complete");
        _service.Requests.Where(r => r.RequestMessage.Path.EndsWith("/parts", StringComparison.Ordinal))
            .Select(r => Encoding.UTF8.GetString(r.RequestMessage.BodyAsBytes!)).Select(b => b.Split("\r\n\r\n")[1].Split("\r\n")[0])
            .Should().Equal("0123", "4567", "89");
        JsonAssert.Equivalent("""{"filename":"train.jsonl","purpose":"fine-tune","bytes":10,"mime_type":"text/jsonl"}""", _service.Requests[0].RequestMessage.Body!);
        JsonAssert.Equivalent("""{"part_ids":["part_def456","part_def456","part_def456"],"md5":"781e5e245d69b566979b86e28d23f2c7"}""", _service.Requests[^1].RequestMessage.Body!);
    }

    [Fact]
    public async Task UploadWithExpiry_SendsTheNestedFormFields()
    {
        Respond("POST", "/v1/files", """{"id":"file-1","object":"file","bytes":2,"created_at":1,"expires_at":3601,"filename":"a.jsonl","purpose":"fine-tune","status":"uploaded"}""");

        FineTuningFile file = (await _client.GetFilesClient().UploadAsync(new MemoryStream(new byte[] { (byte)'{', (byte)'}' }), "a.jsonl", FilePurpose.FineTune,
            new FineTuningFileUploadOptions { ExpiresAfter = new FineTuningFileExpiration(TimeSpan.FromHours(1)) })).Value;

        string body = Encoding.UTF8.GetString(Single("POST", "/v1/files").RequestMessage.BodyAsBytes!);
        body.Should().Contain("name=\"purpose\"\r\n\r\nfine-tune\r\n")
            .And.Contain("name=\"expires_after[anchor]\"\r\n\r\ncreated_at\r\n")
            .And.Contain("name=\"expires_after[seconds]\"\r\n\r\n3600\r\n")
            .And.Contain("name=\"file\"; filename=\"a.jsonl\"");
        file.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(3601));
    }

    [Fact]
    public async Task Permissions_ListCreateDelete_SendTheExactRequests()
    {
        const string list = """{"object":"list","data":[{"object":"checkpoint.permission","id":"cp_zc4Q7MP6XxulcVzj4MZdwsAB","created_at":1721764867,"project_id":"proj_abGMw1llN8IrBb6SvvY5A1iH"}],"first_id":"cp_zc4Q7MP6XxulcVzj4MZdwsAB","last_id":"cp_zc4Q7MP6XxulcVzj4MZdwsAB","has_more":false}""";
        Respond("GET", CheckpointPath, list);
        Respond("POST", CheckpointPath, list);
        Respond("DELETE", CheckpointPath + "/cp_zc4Q7MP6XxulcVzj4MZdwsAB", """{"object":"checkpoint.permission","id":"cp_zc4Q7MP6XxulcVzj4MZdwsAB","deleted":true}""");
        FineTuningCheckpointPermissionsClient permissions = _client.GetCheckpointPermissionsClient();

        List<FineTuningCheckpointPermission> listed = permissions.GetPermissions(Checkpoint, new FineTuningCheckpointPermissionListOptions { ProjectId = "proj_abGMw1llN8IrBb6SvvY5A1iH", Order = "ascending", Limit = 5, After = "cp_0" }).ToList();
        IReadOnlyList<FineTuningCheckpointPermission> created = (await permissions.CreatePermissionsAsync(Checkpoint, new[] { "proj_abGMw1llN8IrBb6SvvY5A1iH" })).Value;
        FineTuningDeletionResult deleted = (await permissions.DeletePermissionAsync(Checkpoint, "cp_zc4Q7MP6XxulcVzj4MZdwsAB")).Value;

        ILogEntry get = Single("GET", CheckpointPath);
        get.RequestMessage.Query!.ToDictionary(q => q.Key, q => q.Value.Single()).Should().Equal(new Dictionary<string, string>
        {
            ["project_id"] = "proj_abGMw1llN8IrBb6SvvY5A1iH", ["order"] = "ascending", ["after"] = "cp_0", ["limit"] = "5",
        });
        JsonAssert.Equivalent("""{"project_ids":["proj_abGMw1llN8IrBb6SvvY5A1iH"]}""", Single("POST", CheckpointPath).RequestMessage.Body!);
        Single("DELETE", CheckpointPath + "/cp_zc4Q7MP6XxulcVzj4MZdwsAB").RequestMessage.Body.Should().BeNullOrEmpty();
        listed.Single().ProjectId.Should().Be("proj_abGMw1llN8IrBb6SvvY5A1iH");
        listed.Single().CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1721764867));
        created.Single().Id.Should().Be("cp_zc4Q7MP6XxulcVzj4MZdwsAB");
        deleted.Deleted.Should().BeTrue();
        deleted.Object.Should().Be(new TypeDiscriminator("checkpoint.permission"));
    }

    [Fact]
    public async Task RunGrader_SendsGraderItemAndSample_AndReadsTheResult()
    {
        const string result = """
            {"reward":1.0,"metadata":{"name":"exact","type":"string_check","errors":{"formula_parse_error":false,"sample_parse_error":false,"truncated_observation_error":false,
             "unresponsive_reward_error":false,"invalid_variable_error":false,"other_error":false,"python_grader_server_error":false,"python_grader_server_error_type":null,
             "python_grader_runtime_error":false,"python_grader_runtime_error_details":null,"model_grader_server_error":false,"model_grader_refusal_error":false,
             "model_grader_parse_error":false,"model_grader_server_error_details":null},"execution_time":0.0031,"scores":{"exact":1.0},"token_usage":null,"sampled_model_name":null},
             "sub_rewards":{},"model_grader_token_usage_per_model":{}}
            """;
        Respond("POST", "/v1/fine_tuning/alpha/graders/run", result);
        var grader = new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.answer}}", Operation = StringCheckOperation.Equal };

        FineTuningGraderRunResult run = (await _client.RunGraderAsync(grader, "Paris", new Dictionary<string, JsonNode?> { ["answer"] = "Paris", ["n"] = 2 })).Value;

        JsonAssert.Equivalent(
            """{"grader":{"type":"string_check","name":"exact","input":"{{sample.output_text}}","reference":"{{item.answer}}","operation":"eq"},"item":{"answer":"Paris","n":2},"model_sample":"Paris"}""",
            Single("POST", "/v1/fine_tuning/alpha/graders/run").RequestMessage.Body!);
        run.Reward.Should().Be(1.0);
        run.Metadata!.ExecutionTime.Should().Be(0.0031);
        run.Metadata.Errors!.ModelGraderRefusalError.Should().BeFalse();
        run.Metadata.Scores!["exact"]!.GetValue<double>().Should().Be(1.0);
        run.Metadata.TokenUsage.Should().BeNull();
        // Written back whole, except the nulls (the SDK omits what is null).
        JsonAssert.Equivalent(
            result.Replace("\"python_grader_server_error_type\":null,", string.Empty, StringComparison.Ordinal)
                .Replace("\"python_grader_runtime_error_details\":null,", string.Empty, StringComparison.Ordinal)
                .Replace(",\"model_grader_server_error_details\":null", string.Empty, StringComparison.Ordinal)
                .Replace("\"token_usage\":null,\"sampled_model_name\":null", string.Empty, StringComparison.Ordinal)
                .Replace("\"scores\":{\"exact\":1.0},", "\"scores\":{\"exact\":1.0}", StringComparison.Ordinal),
            FoundryTrainingSerializer.SerializeToBinaryData(run).ToString());
    }

    [Fact]
    public async Task ValidateGrader_ReturnsTheServicesGrader()
    {
        Respond("POST", "/v1/fine_tuning/alpha/graders/validate", """{"grader":{"type":"text_similarity","name":"sim","input":"a","reference":"b","evaluation_metric":"bleu"}}""");

        FineTuningGrader grader = (await _client.ValidateGraderAsync(new TextSimilarityGrader { Name = "sim", Input = "a", Reference = "b", EvaluationMetric = TextSimilarityMetric.Bleu })).Value;

        JsonAssert.Equivalent("""{"grader":{"type":"text_similarity","name":"sim","input":"a","reference":"b","evaluation_metric":"bleu"}}""",
            Single("POST", "/v1/fine_tuning/alpha/graders/validate").RequestMessage.Body!);
        grader.Should().BeOfType<TextSimilarityGrader>().Which.EvaluationMetric.Should().Be(TextSimilarityMetric.Bleu);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a\nb")]
    [InlineData("")]
    public async Task Hostile_AnUploadIdThatIsNotASegment_FailsWithoutAnotherRequest(string id)
    {
        Respond("POST", "/v1/uploads", UploadJson.Replace("upload_abc123", id.Replace("\n", "\\n", StringComparison.Ordinal), StringComparison.Ordinal));

        RequestFailedException error = (await FluentActions.Awaiting(() => _client.GetFilesClient().UploadAsync(new MemoryStream(new byte[10]), "train.jsonl", FilePurpose.FineTune,
            new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts })).Should().ThrowAsync<RequestFailedException>()).Which;

        error.ErrorCode.Should().Be("InvalidUploadId");
        _service.Requests.Should().ContainSingle("nothing is sent to a path the service's id would break out of");
    }

    [Fact]
    public async Task Hostile_APartWithoutAnId_FailsTheUploadAndCancelsIt()
    {
        Respond("POST", "/v1/uploads", UploadJson);
        Respond("POST", "/v1/uploads/upload_abc123/parts", """{"object":"upload.part","upload_id":"upload_abc123"}""");
        Respond("POST", "/v1/uploads/upload_abc123/cancel", UploadJson.Replace("pending", "cancelled", StringComparison.Ordinal));

        RequestFailedException error = (await FluentActions.Awaiting(() => _client.GetFilesClient().UploadAsync(new MemoryStream(new byte[10]), "train.jsonl", FilePurpose.FineTune,
            new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, MaxConcurrency = 1 })).Should().ThrowAsync<RequestFailedException>()).Which;

        error.ErrorCode.Should().Be("InvalidUploadPart");
        _service.Requests.Select(r => r.RequestMessage.Path).Should().Equal("/v1/uploads", "/v1/uploads/upload_abc123/parts", "/v1/uploads/upload_abc123/cancel");
    }

    [Theory]
    [InlineData("""{"id":"upload_abc123","object":"upload","status":"completed"}""", "InvalidUploadCompletion")]
    [InlineData("""{"id":"upload_abc123","object":"upload","status":"completed","file":{"object":"file"}}""", "InvalidUploadCompletion")]
    [InlineData("""{"id":"upload_abc123","status":"completed","file":"file-1"}""", "InvalidResponseBody")]
    [InlineData("""[1,2]""", "InvalidResponseBody")]
    public async Task Hostile_ACompletionThatIsNotAFile_FailsTheUploadAndCancelsIt(string body, string code)
    {
        Respond("POST", "/v1/uploads", UploadJson);
        Respond("POST", "/v1/uploads/upload_abc123/parts", PartJson);
        Respond("POST", "/v1/uploads/upload_abc123/complete", body);
        Respond("POST", "/v1/uploads/upload_abc123/cancel", UploadJson.Replace("pending", "cancelled", StringComparison.Ordinal));

        (await FluentActions.Awaiting(() => _client.GetFilesClient().UploadAsync(new MemoryStream(new byte[10]), "train.jsonl", FilePurpose.FineTune,
            new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts })).Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be(code);

        _service.Requests[^1].RequestMessage.Path.Should().Be("/v1/uploads/upload_abc123/cancel");
    }

    [Fact]
    public async Task CompleteUpload_LowLevel_ReturnsWhatTheServiceSent_EvenWithoutAFile()
    {
        Respond("POST", "/v1/uploads/upload_abc123/complete", """{"id":"upload_abc123","object":"upload","status":"completed","future":{"a":1}}""");

        FineTuningUpload upload = (await _client.GetFilesClient().CompleteUploadAsync("upload_abc123", new[] { "part_1" })).Value;

        upload.File.Should().BeNull();
        upload.AdditionalProperties.Should().ContainKey("future");
    }

    [Fact]
    public void BadArguments_AreRefusedBeforeAnyRequest()
    {
        FineTuningFilesClient files = _client.GetFilesClient();

        FluentActions.Invoking(() => files.CreateUpload(new FineTuningUploadCreateOptions { FileName = "a" })).Should().Throw<ArgumentException>().WithParameterName("options");
        FluentActions.Invoking(() => files.CompleteUpload("u", new[] { "p", "" })).Should().Throw<ArgumentException>().WithParameterName("partIds");
        FluentActions.Invoking(() => files.Upload(new NonSeekable(), "a.jsonl", FilePurpose.FineTune, new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts })).Should().Throw<ArgumentException>().WithParameterName("content");
        FluentActions.Invoking(() => new FineTuningFileUploadOptions { PartSize = FineTuningFileUploadOptions.MaxPartSize + 1 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new FineTuningFileUploadOptions { MaxConcurrency = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _client.GetCheckpointPermissionsClient().CreatePermissions(Checkpoint, Array.Empty<string>())).Should().Throw<ArgumentException>().WithParameterName("projectIds");
        FluentActions.Invoking(() => _client.RunGrader(new StringCheckGrader(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("modelSample");
        _service.Requests.Should().BeEmpty();
    }

    /// <summary>Each operation against its recording (Recordings/FineTuning/OpenAI), sync and async: the route the table builds and the value read back.</summary>
    [Theory]
    [InlineData("create_upload", true)]
    [InlineData("add_upload_part", false)]
    [InlineData("complete_upload", true)]
    [InlineData("cancel_upload", false)]
    [InlineData("get_checkpoint_permissions", true)]
    [InlineData("create_checkpoint_permissions", false)]
    [InlineData("delete_checkpoint_permission", true)]
    [InlineData("run_grader", false)]
    [InlineData("validate_grader", true)]
    public async Task EveryRecordedOperation_IsSentToItsRoute_AndReadBack(string recording, bool async)
    {
        Recordings.Load(_service.Server, "FineTuning/OpenAI/" + recording + ".json");
        FineTuningFilesClient files = _client.GetFilesClient();
        FineTuningCheckpointPermissionsClient permissions = _client.GetCheckpointPermissionsClient();
        var grader = new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "Paris", Operation = StringCheckOperation.Equal };

        (string Method, string Path, string? Value) expected = recording switch
        {
            "create_upload" => ("POST", "/v1/uploads", (async ? await files.CreateUploadAsync(new FineTuningUploadCreateOptions("train.jsonl", FilePurpose.FineTune, 10, "text/jsonl")) : files.CreateUpload(new FineTuningUploadCreateOptions("train.jsonl", FilePurpose.FineTune, 10, "text/jsonl"))).Value.Id),
            "add_upload_part" => ("POST", "/v1/uploads/upload_abc123/parts", (async ? await files.AddUploadPartAsync("upload_abc123", new MemoryStream(new byte[10])) : files.AddUploadPart("upload_abc123", new MemoryStream(new byte[10]))).Value.Id),
            "complete_upload" => ("POST", "/v1/uploads/upload_abc123/complete", (async ? await files.CompleteUploadAsync("upload_abc123", new[] { "part_def456" }) : files.CompleteUpload("upload_abc123", new[] { "part_def456" })).Value.File!.Id),
            "cancel_upload" => ("POST", "/v1/uploads/upload_abc123/cancel", (async ? await files.CancelUploadAsync("upload_abc123") : files.CancelUpload("upload_abc123")).Value.Status.ToString()),
            "get_checkpoint_permissions" => ("GET", CheckpointPath, async ? (await permissions.GetPermissionsAsync(Checkpoint).ToListAsync()).Single().ProjectId : permissions.GetPermissions(Checkpoint).Single().ProjectId),
            "create_checkpoint_permissions" => ("POST", CheckpointPath, (async ? await permissions.CreatePermissionsAsync(Checkpoint, new[] { "proj_abGMw1llN8IrBb6SvvY5A1iH" }) : permissions.CreatePermissions(Checkpoint, new[] { "proj_abGMw1llN8IrBb6SvvY5A1iH" })).Value.Single().ProjectId),
            "delete_checkpoint_permission" => ("DELETE", CheckpointPath + "/cp_zc4Q7MP6XxulcVzj4MZdwsAB", (async ? await permissions.DeletePermissionAsync(Checkpoint, "cp_zc4Q7MP6XxulcVzj4MZdwsAB") : permissions.DeletePermission(Checkpoint, "cp_zc4Q7MP6XxulcVzj4MZdwsAB")).Value.Id),
            "run_grader" => ("POST", "/v1/fine_tuning/alpha/graders/run", (async ? await _client.RunGraderAsync(grader, "Paris") : _client.RunGrader(grader, "Paris")).Value.Metadata!.Name),
            _ => ("POST", "/v1/fine_tuning/alpha/graders/validate", (async ? await _client.ValidateGraderAsync(grader) : _client.ValidateGrader(grader)).Value.Name),
        };

        Single(expected.Method, expected.Path);
        expected.Value.Should().Be(recording switch
        {
            "create_upload" => "upload_abc123",
            "add_upload_part" => "part_def456",
            "complete_upload" => "file-xyz321",
            "cancel_upload" => "cancelled",
            "get_checkpoint_permissions" or "create_checkpoint_permissions" => "proj_abGMw1llN8IrBb6SvvY5A1iH",
            "delete_checkpoint_permission" => "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
            "run_grader" => "exact",
            _ => "sim",
        });
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
