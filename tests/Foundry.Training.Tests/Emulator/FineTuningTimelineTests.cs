using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Fine-tuning jobs and files on a manual clock: states, pause and resume, cancel and delete, exactly when the test says.</summary>
public sealed class FineTuningTimelineTests : IDisposable
{
    private const string BaseModel = "gpt-4.1-mini-2025-04-14";
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;

    public FineTuningTimelineTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 4 });
    }

    public void Dispose() => _emulator.Dispose();

    private FineTuningClient Client(bool azure) => azure ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();

    private async Task<string> ProcessedFileAsync(FineTuningClient client, byte[]? data = null)
    {
        FineTuningFile file = (await client.GetFilesClient().UploadAsync(new MemoryStream(data ?? TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune)).Value;
        _clock.Advance(2 * s_step);
        return file.Id!;
    }

    [Fact]
    public async Task AzureFiles_GoFromPendingToRunningToProcessed()
    {
        FineTuningFilesClient files = Client(azure: true).GetFilesClient();
        FineTuningFile file = (await files.UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune)).Value;

        file.Status.Should().Be(FileState.Pending);
        file.CreatedAt.Should().Be(_clock.Now);
        _clock.Advance(s_step);
        (await files.GetAsync(file.Id!)).Value.Status.Should().Be(FileState.Running);
        _clock.Advance(s_step);
        Response<FineTuningFile> processed = await files.GetAsync(file.Id!);
        processed.Value.Status.Should().Be(FileState.Processed);
        processed.GetRawResponse().Headers.Contains("retry-after-ms").Should().BeFalse("a settled file needs no more polling");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Job_MovesThroughTheServiceStates_OneStepAtATime(bool azure)
    {
        FineTuningClient client = Client(azure);
        string fileId = await ProcessedFileAsync(client);
        DateTimeOffset start = _clock.Now;

        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;
        job.Status.Should().Be(azure ? FineTuningState.Pending : FineTuningState.ValidatingFiles);
        job.CreatedAt.Should().Be(start);

        _clock.Advance(s_step);
        Response<FineTuningJob> polled = await client.GetJobAsync(job.Id!);
        polled.Value.Status.Should().Be(azure ? FineTuningState.Pending : FineTuningState.Queued);
        polled.GetRawResponse().Headers.TryGetValue("retry-after-ms", out string? retryAfter).Should().BeTrue();
        retryAfter.Should().Be("30000");

        _clock.Advance(s_step);
        FineTuningJob running = (await client.GetJobAsync(job.Id!)).Value;
        running.Status.Should().Be(FineTuningState.Running);
        running.EstimatedFinish.Should().Be(start + (6 * s_step));
        running.Hyperparameters!.BatchSize!.Value.Number.Should().Be(1, "auto values are resolved once training starts");

        _clock.Advance(2 * s_step);
        List<FineTuningJobEvent> events = await client.GetJobEventsAsync(job.Id!).ToListAsync();
        events.Where(e => e.Type == FineTuningJobEventType.Metrics).Should().HaveCount(2);
        events[0].CreatedAt.Should().Be(start + (4 * s_step));
        (await client.GetJobCheckpointsAsync(job.Id!).ToListAsync()).Select(c => c.StepNumber).Should().Equal(2);

        _clock.Advance(2 * s_step);
        FineTuningJob done = (await client.GetJobAsync(job.Id!)).Value;
        done.Status.Should().Be(FineTuningState.Succeeded);
        done.FinishedAt.Should().Be(start + (6 * s_step));
        done.EstimatedFinish.Should().BeNull();
    }

    [Fact]
    public async Task OpenAIJob_PausesAndResumes_AndStandsStillWhilePaused()
    {
        FineTuningClient client = Client(azure: false);
        string fileId = await ProcessedFileAsync(client);
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;

        var early = await FluentActions.Awaiting(() => client.PauseJobAsync(job.Id!)).Should().ThrowAsync<RequestFailedException>();
        early.Which.Status.Should().Be(400);
        early.Which.ErrorCode.Should().Be("invalid_request_error");

        _clock.Advance(3 * s_step);
        FineTuningJob paused = (await client.PauseJobAsync(job.Id!)).Value;
        paused.Status.Should().Be(FineTuningState.Paused);
        _clock.Advance(100 * s_step);
        FineTuningJob still = (await client.GetJobAsync(job.Id!)).Value;
        still.Status.Should().Be(FineTuningState.Paused);
        (await client.GetJobEventsAsync(job.Id!).ToListAsync()).Count(e => e.Type == FineTuningJobEventType.Metrics).Should().Be(1);

        FineTuningJob resumed = (await client.ResumeJobAsync(job.Id!)).Value;
        resumed.Status.Should().Be(FineTuningState.Running);
        _clock.Advance(3 * s_step);
        (await client.GetJobAsync(job.Id!)).Value.Status.Should().Be(FineTuningState.Succeeded);
        (await client.GetJobEventsAsync(job.Id!).ToListAsync()).Select(e => e.Message).Should().Contain(new[] { "Fine-tuning job paused", "Fine-tuning job resumed" });

        (await FluentActions.Awaiting(() => client.ResumeJobAsync(job.Id!)).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
    }

    [Fact]
    public async Task AzureJob_HasNoPause()
    {
        FineTuningClient client = Client(azure: true);
        string fileId = await ProcessedFileAsync(client);
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;

        // Azure OpenAI 2024-05-01-preview has no pause route (the emulator answers its 404); the client refuses first.
        using var http = new RawHttp(_emulator);
        HttpResponseMessage missing = await http.AzureOpenAIAsync(HttpMethod.Post, $"/fine_tuning/jobs/{job.Id}/pause");
        missing.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await RawHttp.JsonOf(missing))["error"]!["code"]!.GetValue<string>().Should().Be("notFound");
        int sent = _emulator.Requests.Count;
        (await FluentActions.Awaiting(() => client.PauseJobAsync(job.Id!)).Should().ThrowAsync<NotSupportedException>())
            .Which.Message.Should().Be("FineTuningClient.PauseJob (POST /fine_tuning/jobs/{jobId}/pause) is an operation of the OpenAI platform; Azure OpenAI 2024-05-01-preview has no such route.");
        client.Invoking(c => c.ResumeJob(job.Id!)).Should().Throw<NotSupportedException>();
        _emulator.Requests.Should().HaveCount(sent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancel_StopsAnActiveJob_AndFinishedJobsCannotBeCancelled(bool azure)
    {
        FineTuningClient client = Client(azure);
        string fileId = await ProcessedFileAsync(client);
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;
        _clock.Advance(3 * s_step);

        FineTuningJob cancelled = (await client.CancelJobAsync(job.Id!)).Value;

        cancelled.Status.Should().Be(FineTuningState.Cancelled);
        cancelled.FinishedAt.Should().Be(_clock.Now);
        (await client.CancelJobAsync(job.Id!)).Value.Status.Should().Be(FineTuningState.Cancelled);
        _clock.Advance(10 * s_step);
        (await client.GetJobAsync(job.Id!)).Value.Status.Should().Be(FineTuningState.Cancelled);
        (await client.WaitForCompletionAsync(job.Id!)).Value.Status.Should().Be(FineTuningState.Cancelled);

        FineTuningJob finished = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;
        _clock.Advance(10 * s_step);
        var refused = await FluentActions.Awaiting(() => client.CancelJobAsync(finished.Id!)).Should().ThrowAsync<RequestFailedException>();
        refused.Which.Status.Should().Be(azure ? 409 : 400);
        refused.Which.ErrorCode.Should().Be(azure ? "unexpectedEntityState" : "invalid_request_error");

        (await FluentActions.Awaiting(() => client.CancelJobAsync("ftjob-missing")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task AzureDelete_RemovesFinishedJobs_AndRefusesActiveOnes()
    {
        FineTuningClient client = Client(azure: true);
        string fileId = await ProcessedFileAsync(client);
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId))).Value;

        var active = await FluentActions.Awaiting(() => client.DeleteJobAsync(job.Id!)).Should().ThrowAsync<RequestFailedException>();
        active.Which.Status.Should().Be(409);

        await client.CancelJobAsync(job.Id!);
        Response deleted = await client.DeleteJobAsync(job.Id!);

        deleted.Status.Should().Be(204);
        (await FluentActions.Awaiting(() => client.GetJobAsync(job.Id!)).Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("notFound");
        (await client.GetJobsAsync().ToListAsync()).Should().BeEmpty();

        // The OpenAI platform has no job deletion: the emulated platform answers 405 or 404, and the client refuses first.
        using var http = new RawHttp(_emulator);
        ((int)(await http.OpenAIAsync(HttpMethod.Delete, "/fine_tuning/jobs/" + job.Id)).StatusCode).Should().BeOneOf(404, 405);
        int sent = _emulator.Requests.Count;
        (await FluentActions.Awaiting(() => Client(azure: false).DeleteJobAsync(job.Id!)).Should().ThrowAsync<NotSupportedException>())
            .Which.Message.Should().Contain("FineTuningClient.DeleteJob (DELETE /fine_tuning/jobs/{jobId})").And.Contain("the OpenAI platform has no such route");
        _emulator.Requests.Should().HaveCount(sent);
    }

    [Fact]
    public async Task FailWhen_AndMetadata_DecideWhichJobsFail()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            TimeProvider = _clock,
            StepInterval = s_step,
            TrainingSteps = 4,
            FailWhen = job => job.Service == EmulatedService.OpenAI && job.Model == "gpt-4o-2024-08-06",
        });
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningFile file = (await client.GetFilesClient().UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune)).Value;
        _clock.Advance(s_step);
        var byMetadata = new FineTuningJobCreateOptions(BaseModel, file.Id!);
        byMetadata.Metadata[FoundryTrainingEmulatorOptions.OutcomeTag] = "failed";

        FineTuningJob a = (await client.CreateJobAsync(byMetadata)).Value;
        FineTuningJob b = (await client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-2024-08-06", file.Id!))).Value;
        FineTuningJob c = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, file.Id!))).Value;
        _clock.Advance(10 * s_step);

        (await client.GetJobAsync(a.Id!)).Value.Status.Should().Be(FineTuningState.Failed);
        (await client.GetJobAsync(b.Id!)).Value.Status.Should().Be(FineTuningState.Failed);
        (await client.GetJobAsync(c.Id!)).Value.Status.Should().Be(FineTuningState.Succeeded);
    }
}
