using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>The OpenAI platform: bearer key, organization and project headers, no api-version, and its own features.</summary>
public sealed class OpenAIPlatformTests : IDisposable
{
    // The OpenAI reference's job object example.
    private const string JobJson = """
    {
      "object": "fine_tuning.job", "id": "ftjob-abc123", "model": "davinci-002", "created_at": 1692661014,
      "finished_at": 1692661190, "fine_tuned_model": "ft:davinci-002:my-org:custom_suffix:7q8mpxmy",
      "organization_id": "org-123", "result_files": ["file-abc123"], "status": "succeeded", "training_file": "file-abc123",
      "hyperparameters": {"n_epochs": 4, "batch_size": 1, "learning_rate_multiplier": 1.0},
      "trained_tokens": 5768, "integrations": [], "seed": 0, "estimated_finish": 0,
      "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 4, "batch_size": 1, "learning_rate_multiplier": 1.0}}},
      "metadata": {"key": "value"}
    }
    """;

    private readonly MockService _service = new();
    private readonly FineTuningClient _client;

    public OpenAIPlatformTests()
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

    private void Respond(string method, string path, string body, int status = 200) =>
        _service.Server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private ILogEntry AssertOpenAIRequest(string method, string path)
    {
        ILogEntry entry = _service.SingleRequest;
        entry.RequestMessage.Method.Should().Be(method);
        entry.RequestMessage.AbsolutePath.Should().Be(path);
        entry.RequestMessage.Query.Should().NotContainKey("api-version");
        IDictionary<string, WireMock.Types.WireMockList<string>> headers = entry.RequestMessage.Headers!;
        headers["Authorization"].Should().Equal("Bearer sk-test");
        headers["OpenAI-Organization"].Should().Equal("org-123");
        headers["OpenAI-Project"].Should().Equal("proj-456");
        headers.Should().NotContainKey("api-key");
        return entry;
    }

    [Fact]
    public async Task CreateJob_Supervised_SendsExactBodyAndParsesTheJob()
    {
        Respond("POST", "/v1/fine_tuning/jobs", JobJson);
        var options = new FineTuningJobCreateOptions("gpt-4o-mini", "file-abc123")
        {
            Method = FineTuningMethod.CreateSupervised(new FineTuningHyperparameters { EpochCount = 4, BatchSize = FineTuningHyperparameterValue.Auto, LearningRateMultiplier = 0.1 }),
        };

        FineTuningJob job = (await _client.CreateJobAsync(options)).Value;

        ILogEntry entry = AssertOpenAIRequest("POST", "/v1/fine_tuning/jobs");
        entry.RequestMessage.Headers!["Content-Type"].Single().Should().StartWith("application/json");
        JsonAssert.Equivalent(
            """{"model":"gpt-4o-mini","training_file":"file-abc123","method":{"type":"supervised","supervised":{"hyperparameters":{"n_epochs":4,"batch_size":"auto","learning_rate_multiplier":0.1}}}}""",
            entry.RequestMessage.Body!);
        job.Id.Should().Be("ftjob-abc123");
        job.OrganizationId.Should().Be("org-123");
        job.Method!.Supervised!.Hyperparameters!.EpochCount.Should().Be((FineTuningHyperparameterValue)4);
        job.Integrations.Should().BeEmpty();
        job.Metadata.Should().Contain("key", "value");
        job.EstimatedFinish.Should().Be(DateTimeOffset.UnixEpoch);
        JsonAssert.Equivalent(JobJson, FoundryTrainingSerializer.Serialize(job));
    }

    [Fact]
    public void CreateJob_Dpo_SendsExactBody()
    {
        Respond("POST", "/v1/fine_tuning/jobs", JobJson);
        var options = new FineTuningJobCreateOptions("gpt-4o-2024-08-06", "file-pref")
        {
            ValidationFile = "file-val",
            Method = FineTuningMethod.CreateDpo(new DpoHyperparameters { Beta = 0.1, BatchSize = 8, EpochCount = FineTuningHyperparameterValue.Auto }),
        };

        _client.CreateJob(options);

        JsonAssert.Equivalent(
            """{"model":"gpt-4o-2024-08-06","training_file":"file-pref","validation_file":"file-val","method":{"type":"dpo","dpo":{"hyperparameters":{"beta":0.1,"batch_size":8,"n_epochs":"auto"}}}}""",
            AssertOpenAIRequest("POST", "/v1/fine_tuning/jobs").RequestMessage.Body!);
    }

    [Fact]
    public async Task CreateJob_ReinforcementWithGradersIntegrationsAndMetadata_SendsExactBody()
    {
        Respond("POST", "/v1/fine_tuning/jobs", JobJson);
        var labeller = new LabelModelGrader { Name = "sentiment", Model = "gpt-4o-2024-08-06" };
        labeller.Input.Add(new GraderInputMessage(GraderMessageRole.System, "Classify the sentiment"));
        labeller.Input.Add(new GraderInputMessage { Role = GraderMessageRole.User, Type = "message", Content = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"input_text","text":"Statement: {{item.response}}"}""") });
        labeller.Labels.Add("positive");
        labeller.Labels.Add("negative");
        labeller.PassingLabels.Add("positive");
        var wandb = new WandbIntegration("my-wandb-project") { Entity = "team" };
        wandb.Tags.Add("custom-tag");
        var options = new FineTuningJobCreateOptions("o4-mini", "file-rft")
        {
            Suffix = new string('s', 64),
            Seed = 7,
            Method = FineTuningMethod.CreateReinforcement(
                new MultiGrader { Name = "combined", Graders = labeller, CalculateOutput = "label_model_score" },
                new ReinforcementHyperparameters { ReasoningEffort = ReasoningEffort.Medium, ComputeMultiplier = 1.5, EvalInterval = 10, EvalSamples = FineTuningHyperparameterValue.Auto }),
            Integrations = { new FineTuningIntegration(wandb) },
            Metadata = { ["team"] = "search" },
        };

        await _client.CreateJobAsync(options);

        JsonAssert.Equivalent(
            $$$"""
            {
              "model": "o4-mini", "training_file": "file-rft", "suffix": "{{{new string('s', 64)}}}", "seed": 7,
              "method": {
                "type": "reinforcement",
                "reinforcement": {
                  "grader": {
                    "type": "multi", "name": "combined", "calculate_output": "label_model_score",
                    "graders": {
                      "type": "label_model", "name": "sentiment", "model": "gpt-4o-2024-08-06",
                      "input": [
                        {"role": "system", "content": "Classify the sentiment"},
                        {"role": "user", "type": "message", "content": {"type": "input_text", "text": "Statement: {{item.response}}"}}
                      ],
                      "labels": ["positive", "negative"], "passing_labels": ["positive"]
                    }
                  },
                  "hyperparameters": {"reasoning_effort": "medium", "compute_multiplier": 1.5, "eval_interval": 10, "eval_samples": "auto"}
                }
              },
              "integrations": [{"type": "wandb", "wandb": {"project": "my-wandb-project", "entity": "team", "tags": ["custom-tag"]}}],
              "metadata": {"team": "search"}
            }
            """,
            AssertOpenAIRequest("POST", "/v1/fine_tuning/jobs").RequestMessage.Body!);
    }

    [Theory]
    [InlineData("pause", "paused")]
    [InlineData("resume", "running")]
    public async Task PauseAndResume(string action, string state)
    {
        Respond("POST", $"/v1/fine_tuning/jobs/ftjob-abc123/{action}", JobJson.Replace("\"succeeded\"", $"\"{state}\"", StringComparison.Ordinal));

        FineTuningJob job = action == "pause"
            ? (await _client.PauseJobAsync("ftjob-abc123")).Value
            : _client.ResumeJob("ftjob-abc123").Value;

        AssertOpenAIRequest("POST", $"/v1/fine_tuning/jobs/ftjob-abc123/{action}").RequestMessage.Body.Should().BeNullOrEmpty();
        job.Status.Should().Be(new FineTuningState(state));
        job.Status!.Value.IsTerminal.Should().BeFalse();
    }

    [Fact]
    public async Task GetJobs_SendsLimitAndMetadataFilter()
    {
        Respond("GET", "/v1/fine_tuning/jobs", $$"""{"object":"list","data":[{{JobJson}}],"has_more":false}""");
        var options = new FineTuningJobListOptions { Limit = 2, Metadata = { ["key"] = "value" } };

        var jobs = new List<FineTuningJob>();
        await foreach (FineTuningJob job in _client.GetJobsAsync(options))
        {
            jobs.Add(job);
        }

        jobs.Should().ContainSingle().Which.Id.Should().Be("ftjob-abc123");
        ILogEntry entry = AssertOpenAIRequest("GET", "/v1/fine_tuning/jobs");
        entry.RequestMessage.Query!["limit"].Should().Equal("2");
        entry.RequestMessage.Query["metadata[key]"].Should().Equal("value");
    }

    /// <summary>A metadata filter without a value is the caller's mistake: refused when the listing is asked for, not sent or failing mid-enumeration.</summary>
    [Fact]
    public void GetJobs_WithAMetadataFilterWithoutAValue_IsRefusedWhenCalled()
    {
        var options = new FineTuningJobListOptions { Metadata = { ["key"] = null! } };

        FluentActions.Invoking(() => _client.GetJobs(options)).Should().Throw<ArgumentException>().WithParameterName("options.Metadata");
        FluentActions.Invoking(() => _client.GetJobsAsync(options)).Should().Throw<ArgumentException>().WithParameterName("options.Metadata");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetFiles_PagesWithLastIdAndSendsFilters()
    {
        static string File(int n) => $$"""{"id":"file-{{n}}","object":"file","bytes":120000,"created_at":1677610602,"expires_at":1680202602,"filename":"f{{n}}.jsonl","purpose":"fine-tune","status":"processed"}""";
        _service.Server.Given(Request.Create().UsingGet().WithPath("/v1/files").WithParam("after", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(Response.Create().WithBody($$"""{"object":"list","data":[{{File(1)}}],"first_id":"file-1","last_id":"file-1","has_more":true}"""));
        _service.Server.Given(Request.Create().UsingGet().WithPath("/v1/files").WithParam("after", "file-1"))
            .RespondWith(Response.Create().WithBody($$"""{"object":"list","data":[{{File(2)}}],"first_id":"file-2","last_id":"file-2","has_more":false}"""));

        var files = new List<FineTuningFile>();
        await foreach (FineTuningFile f in _client.GetFilesClient().GetFilesAsync(new FineTuningFileListOptions { Purpose = FilePurpose.FineTune, Order = ListSortOrder.Ascending, Limit = 1 }))
        {
            files.Add(f);
        }

        files.Select(f => f.Id).Should().Equal("file-1", "file-2");
        files[0].ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1680202602));
        var queries = _service.Requests.Select(r => r.RequestMessage.Query!).ToList();
        queries.Should().HaveCount(2).And.OnlyContain(q => q["purpose"].Single() == "fine-tune" && q["order"].Single() == "asc" && q["limit"].Single() == "1" && !q.ContainsKey("api-version"));
        queries[1]["after"].Should().Equal("file-1");
    }

    [Fact]
    public async Task DeleteFile_AcceptsTheDeletionBody()
    {
        Respond("DELETE", "/v1/files/file-abc123", """{"id":"file-abc123","object":"file","deleted":true}""");

        Azure.Response<FineTuningDeletionResult> response = await _client.GetFilesClient().DeleteAsync("file-abc123");

        AssertOpenAIRequest("DELETE", "/v1/files/file-abc123");
        response.GetRawResponse().Status.Should().Be(200);
        response.Value.Id.Should().Be("file-abc123");
        response.Value.Object.Should().Be(TypeDiscriminator.File);
        response.Value.Deleted.Should().BeTrue();
    }

    [Fact]
    public async Task GetModel_ReadsOpenAIShape()
    {
        const string json = """{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai","shutdown_date":"2026-10-14"}""";
        Respond("GET", "/v1/models/gpt-4o-mini", json);

        FineTuningModel model = (await _client.GetModelsClient().GetModelAsync("gpt-4o-mini")).Value;

        AssertOpenAIRequest("GET", "/v1/models/gpt-4o-mini");
        model.Created.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1686935002));
        model.OwnedBy.Should().Be("openai");
        model.ShutdownDate.Should().Be(new DateTimeOffset(2026, 10, 14, 0, 0, 0, TimeSpan.Zero));
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(model));
    }

    [Fact]
    public async Task ServiceError_BecomesRequestFailedException()
    {
        Respond("POST", "/v1/fine_tuning/jobs", """{"error":{"message":"Invalid file format.","type":"invalid_request_error","param":"training_file","code":"invalid_file_format"}}""", status: 400);

        Func<Task> create = () => _client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", "file-bad"));

        RequestFailedException ex = (await create.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(400);
        ex.ErrorCode.Should().Be("invalid_file_format");
        ex.Message.Should().Contain("Invalid file format.").And.NotContain("sk-test");
        FineTuningErrorResponse body = FoundryTrainingSerializer.Deserialize<FineTuningErrorResponse>(ex.GetRawResponse()!.Content)!;
        body.Error!.Param.Should().Be("training_file");
        body.Error.Type.Should().Be("invalid_request_error");
        body.Error.Code.Should().Be(new FineTuningErrorCode("invalid_file_format"));
    }

    [Fact]
    public void ForOpenAI_DefaultsToApiOpenAIComAndRejectsBadKeys()
    {
        ((Action)(() => FineTuningClient.ForOpenAI(null!))).Should().Throw<ArgumentNullException>().WithParameterName("apiKey");
        ((Action)(() => FineTuningClient.ForOpenAI(""))).Should().Throw<ArgumentException>().WithParameterName("apiKey");
        ((Action)(() => FineTuningClient.ForOpenAI("k", new FineTuningClientOptions { OpenAIEndpoint = new Uri("http://example.com/v1") })))
            .Should().Throw<ArgumentException>();
        ServicePipelineFactory.OpenAIEndpoint.Should().Be(new Uri("https://api.openai.com/v1"));
        FineTuningClient.ForOpenAI("k").Should().NotBeNull();
    }
}
