using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>Cursor paging over several pages, resuming from a continuation token, and waiting for jobs and files.</summary>
public sealed class PagingAndPollingTests : IDisposable
{
    private static readonly TimeSpan s_fastPolling = TimeSpan.FromMilliseconds(1);
    private readonly MockService _service = new();
    private readonly FineTuningClient _client;

    public PagingAndPollingTests()
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        _client = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), options);
    }

    public void Dispose() => _service.Dispose();

    private WireMockServer Server => _service.Server;

    private static string Job(string id, string status = "running", string extra = "") =>
        $$"""{"object":"fine_tuning.job","id":"{{id}}","model":"gpt-35-turbo","training_file":"file-1","status":"{{status}}","created_at":1646126127{{extra}}}""";

    private static string List(bool hasMore, params string[] items) => $$"""{"object":"list","data":[{{string.Join(",", items)}}],"has_more":{{(hasMore ? "true" : "false")}}}""";

    private void JobsPage(string? after, string body)
    {
        IRequestBuilder request = Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs");
        request = after is null ? request.WithParam("after", MatchBehaviour.RejectOnMatch) : request.WithParam("after", after);
        Server.Given(request).RespondWith(Response.Create().WithBody(body));
    }

    private void ThreePagesOfJobs()
    {
        JobsPage(null, List(true, Job("ftjob-1"), Job("ftjob-2")));
        JobsPage("ftjob-2", List(true, Job("ftjob-3"), Job("ftjob-4")));
        JobsPage("ftjob-4", List(false, Job("ftjob-5")));
    }

    private List<string?> SentAfter() =>
        _service.Requests.Select(r => r.RequestMessage.Query!.TryGetValue("after", out var v) ? v.Single() : null).ToList();

    [Fact]
    public async Task GetJobsAsync_FollowsTheLastIdAcrossPages()
    {
        ThreePagesOfJobs();

        var pages = new List<Page<FineTuningJob>>();
        await foreach (Page<FineTuningJob> page in _client.GetJobsAsync(new FineTuningJobListOptions { Limit = 2 }).AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => p.Values.Count).Should().Equal(2, 2, 1);
        pages.Select(p => p.ContinuationToken).Should().Equal("ftjob-2", "ftjob-4", null);
        SentAfter().Should().Equal(null, "ftjob-2", "ftjob-4");
        _service.Requests.Should().OnlyContain(r => r.RequestMessage.Query!["limit"].Single() == "2" && r.RequestMessage.Query["api-version"].Single() == "2024-05-01-preview");
    }

    [Fact]
    public void GetJobs_SyncEnumeratesEveryItem()
    {
        ThreePagesOfJobs();

        _client.GetJobs().Select(j => j.Id).Should().Equal("ftjob-1", "ftjob-2", "ftjob-3", "ftjob-4", "ftjob-5");
        _service.Requests.Should().OnlyContain(r => !r.RequestMessage.Query!.ContainsKey("limit"));
    }

    [Fact]
    public async Task GetJobsAsync_ResumesFromAContinuationTokenWithAPageSizeHint()
    {
        ThreePagesOfJobs();
        string? token = null;
        await foreach (Page<FineTuningJob> page in _client.GetJobsAsync().AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        var resumed = new List<string?>();
        await foreach (Page<FineTuningJob> page in _client.GetJobsAsync().AsPages(continuationToken: token, pageSizeHint: 5))
        {
            resumed.AddRange(page.Values.Select(j => j.Id));
        }

        token.Should().Be("ftjob-2");
        resumed.Should().Equal("ftjob-3", "ftjob-4", "ftjob-5");
        SentAfter().Should().Equal(null, "ftjob-2", "ftjob-4");
        _service.Requests.Skip(1).Should().OnlyContain(r => r.RequestMessage.Query!["limit"].Single() == "5");
    }

    [Fact]
    public void GetJobs_StartsAfterTheGivenId()
    {
        ThreePagesOfJobs();

        _client.GetJobs(new FineTuningJobListOptions { After = "ftjob-4" }).Select(j => j.Id).Should().Equal("ftjob-5");
    }

    [Fact]
    public async Task GetJobEventsAndCheckpoints_PageWithTheCursor()
    {
        const string path = "/openai/fine_tuning/jobs/ftjob-1/events";
        static string Event(int n) => $$$"""{"object":"fine_tuning.job.event","id":"ev-{{{n}}}","created_at":1646126127,"level":"warning","message":"m{{{n}}}","type":"metrics","data":{"step":{{{n}}},"train_loss":0.5}}""";
        Server.Given(Request.Create().UsingGet().WithPath(path).WithParam("after", MatchBehaviour.RejectOnMatch)).RespondWith(Response.Create().WithBody(List(true, Event(1), Event(2))));
        Server.Given(Request.Create().UsingGet().WithPath(path).WithParam("after", "ev-2")).RespondWith(Response.Create().WithBody(List(false, Event(3))));
        Server.Given(Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs/ftjob-1/checkpoints").WithParam("after", "ckpt-0").WithParam("limit", "3"))
            .RespondWith(Response.Create().WithBody(List(false, """{"id":"ckpt-1","step_number":3,"metrics":{"step":3,"train_loss":null},"fine_tuning_job_id":"ftjob-1"}""")));

        var events = new List<FineTuningJobEvent>();
        await foreach (FineTuningJobEvent e in _client.GetJobEventsAsync("ftjob-1", new FineTuningListOptions { Limit = 2 }))
        {
            events.Add(e);
        }

        List<FineTuningJobCheckpoint> checkpoints = _client.GetJobCheckpoints("ftjob-1", new FineTuningListOptions { After = "ckpt-0", Limit = 3 }).ToList();

        events.Select(e => e.Id).Should().Equal("ev-1", "ev-2", "ev-3");
        events[0].Level.Should().Be(LogLevel.Warning);
        events[0].Type.Should().Be(FineTuningJobEventType.Metrics);
        events[0].Data!["train_loss"]!.GetValue<double>().Should().Be(0.5);
        checkpoints.Should().ContainSingle().Which.Metrics.Should().Contain("step", 3).And.Contain("train_loss", null);
    }

    [Fact]
    public void ListArguments_AreCheckedBeforeAnyRequest()
    {
        ((Action)(() => _client.GetJobEvents(null!))).Should().Throw<ArgumentNullException>().WithParameterName("jobId");
        ((Action)(() => _client.GetJobCheckpointsAsync(""))).Should().Throw<ArgumentException>().WithParameterName("jobId");
        ((Action)(() => _client.GetJobs(new FineTuningJobListOptions { Limit = 0 }))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options.Limit");
        _service.Requests.Should().BeEmpty();
    }

    private void JobStates(string id, params string[] bodies)
    {
        for (int i = 0; i < bodies.Length; i++)
        {
            var mapping = Server.Given(Request.Create().UsingGet().WithPath("/openai/fine_tuning/jobs/" + id)).InScenario("job " + id);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs("poll " + i);
            }

            mapping.WillSetStateTo("poll " + (i + 1)).RespondWith(Response.Create().WithBody(bodies[i]));
        }
    }

    [Fact]
    public async Task WaitForCompletionAsync_PollsUntilSucceeded()
    {
        JobStates("ftjob-1", Job("ftjob-1", "pending"), Job("ftjob-1", "running"), Job("ftjob-1", "succeeded", ""","fine_tuned_model":"gpt-35-turbo.ft-1" """));

        Response<FineTuningJob> response = await _client.WaitForCompletionAsync("ftjob-1", s_fastPolling);

        response.Value.Status.Should().Be(FineTuningState.Succeeded);
        response.Value.FineTunedModel.Should().Be("gpt-35-turbo.ft-1");
        _service.Requests.Should().HaveCount(3).And.OnlyContain(r => r.RequestMessage.Method == "GET");
    }

    [Fact]
    public async Task WaitForCompletionAsync_ThrowsWithTheJobErrorWhenTheJobFailed()
    {
        JobStates("ftjob-2", Job("ftjob-2", "running"), Job("ftjob-2", "failed", ""","error":{"code":"invalid_training_file","message":"The file has 3 invalid lines.","param":"training_file"}"""));

        Func<Task> wait = () => _client.WaitForCompletionAsync("ftjob-2", s_fastPolling);

        FineTuningJobFailedException ex = (await wait.Should().ThrowAsync<FineTuningJobFailedException>()).Which;
        ex.Should().BeAssignableTo<RequestFailedException>();
        ex.Status.Should().Be(0);
        ex.ErrorCode.Should().Be("invalid_training_file");
        ex.Message.Should().Be("Fine-tuning job 'ftjob-2' failed: The file has 3 invalid lines. (param: training_file)" + Environment.NewLine + "ErrorCode: invalid_training_file");
        ex.Job.Id.Should().Be("ftjob-2");
        ex.JobError!.Param.Should().Be("training_file");
        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public void WaitForCompletion_SyncThrowsForAFailedJobWithoutDetails()
    {
        JobStates("ftjob-3", Job("ftjob-3", "failed"));

        ((Action)(() => _client.WaitForCompletion("ftjob-3", s_fastPolling))).Should().Throw<FineTuningJobFailedException>()
            .WithMessage("Fine-tuning job 'ftjob-3' failed without error details.").Which.ErrorCode.Should().BeNull();
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("canceled")]
    public void WaitForCompletion_ReturnsACancelledJobWithTheServiceSpelling(string state)
    {
        JobStates("ftjob-4", Job("ftjob-4", "queued"), Job("ftjob-4", "validating_files"), Job("ftjob-4", state));

        FineTuningJob job = _client.WaitForCompletion("ftjob-4", s_fastPolling).Value;

        job.Status!.Value.ToString().Should().Be(state);
        FoundryTrainingSerializer.Serialize(job).Should().Contain($"\"status\":\"{state}\"");
    }

    [Fact]
    public async Task WaitForCompletionAsync_HonoursCancellationAndRejectsBadIntervals()
    {
        JobStates("ftjob-5", Job("ftjob-5", "running"));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await ((Func<Task>)(() => _client.WaitForCompletionAsync("ftjob-5", s_fastPolling, cts.Token))).Should().ThrowAsync<OperationCanceledException>();
        await ((Func<Task>)(() => _client.WaitForCompletionAsync("ftjob-5", TimeSpan.Zero))).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("pollingInterval");
        await ((Func<Task>)(() => _client.WaitForCompletionAsync(""))).Should().ThrowAsync<ArgumentException>().WithParameterName("jobId");
    }

    private void FileStates(string id, params string[] states)
    {
        for (int i = 0; i < states.Length; i++)
        {
            var mapping = Server.Given(Request.Create().UsingGet().WithPath("/openai/files/" + id)).InScenario("file " + id);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs("poll " + i);
            }

            mapping.WillSetStateTo("poll " + (i + 1)).RespondWith(Response.Create().WithBody(
                $$"""{"object":"file","id":"{{id}}","filename":"train.jsonl","purpose":"fine-tune","status":"{{states[i]}}"{{(states[i] == "error" ? ""","status_details":"Line 3 is not valid JSON." """ : "")}}}"""));
        }
    }

    [Fact]
    public async Task WaitForProcessedAsync_PollsUntilProcessed()
    {
        FileStates("file-1", "pending", "running", "processed");

        FineTuningFile file = (await _client.GetFilesClient().WaitForProcessedAsync("file-1", s_fastPolling)).Value;

        file.Status.Should().Be(FileState.Processed);
        _service.Requests.Should().HaveCount(3);
    }

    [Fact]
    public void WaitForProcessed_ThrowsWithTheStatusDetails()
    {
        FileStates("file-2", "pending", "error");

        FineTuningFileProcessingException ex = ((Action)(() => _client.GetFilesClient().WaitForProcessed("file-2", s_fastPolling)))
            .Should().Throw<FineTuningFileProcessingException>().Which;

        ex.Message.Should().Be("File 'file-2' (train.jsonl) was not processed; its status is 'error': Line 3 is not valid JSON." + Environment.NewLine + "ErrorCode: error");
        ex.File.StatusDetails.Should().Be("Line 3 is not valid JSON.");
        ex.ErrorCode.Should().Be("error");
    }

    [Fact]
    public async Task DownloadContentAsync_ReadsTheServiceErrorOfAnUnbufferedResponse()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/openai/files/file-x/content")).RespondWith(
            Response.Create().WithStatusCode(404).WithHeader("apim-request-id", "req-1").WithBody("""{"error":{"code":"notFound","message":"File not found."}}"""));

        RequestFailedException ex = (await ((Func<Task>)(() => _client.GetFilesClient().DownloadContentAsync("file-x"))).Should().ThrowAsync<RequestFailedException>()).Which;

        ex.Status.Should().Be(404);
        ex.ErrorCode.Should().Be("notFound");
        ex.Message.Should().Contain("File not found.");
        ex.Data[ServiceErrorParser.RequestIdKey].Should().Be("req-1");
    }
}
