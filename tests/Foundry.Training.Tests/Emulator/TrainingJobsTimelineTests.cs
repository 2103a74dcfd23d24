using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Foundry training jobs against an emulator on a manual clock: every state is reached exactly when the test says.</summary>
public sealed class TrainingJobsTimelineTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;

    public TrainingJobsTimelineTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 4 });
        _client = _emulator.CreateTrainingJobsClient();
    }

    public void Dispose() => _emulator.Dispose();

    private string Status(string name) => ((CommandJob)_client.Get(name).Value.Properties).Status!;

    [Fact]
    public async Task Job_MovesFromQueuedToRunningToCompleted_OneStepAtATime()
    {
        DateTimeOffset start = _clock.Now;
        await _client.CreateAsync("timeline", EmulatorJobs.SftWithLora());

        Status("timeline").Should().Be("Queued");
        (await FluentActions.Awaiting(() => _client.GetAttemptAsync("timeline", "latest")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await _client.GetAttemptsAsync("timeline").ToListAsync()).Should().BeEmpty();

        _clock.Advance(s_step);
        Status("timeline").Should().Be("Queued");

        _clock.Advance(s_step);
        Status("timeline").Should().Be("Running");
        JobAttempt attempt = (await _client.GetAttemptAsync("timeline", "latest")).Value;
        attempt.Status.Should().Be(JobAttemptStatus.Running);
        attempt.StartedAt.Should().Be(start + (2 * s_step));
        (await _client.GetMetricsAsync("timeline", "1").ToListAsync()).Should().BeEmpty();

        _clock.Advance(3 * s_step);
        Status("timeline").Should().Be("Running");
        List<JobMetricPoint> points = await _client.GetMetricPointsAsync("timeline", "1", "train/loss").ToListAsync();
        points.Select(p => p.Step).Should().Equal(1L, 2L, 3L);
        points.Select(p => p.CreatedAt).Should().Equal(start + (3 * s_step), start + (4 * s_step), start + (5 * s_step));
        (await _client.GetArtifactsAsync("timeline", "1").ToListAsync()).Select(a => a.Path).Should().NotContain("outputs/metrics.json");

        _clock.Advance(s_step);
        TrainingJob done = (await _client.GetAsync("timeline")).Value;
        ((CommandJob)done.Properties).Status.Should().Be("Completed");
        done.SystemData!.LastModifiedAt.Should().Be(start + (6 * s_step));
        (await _client.GetAttemptAsync("timeline", "1")).Value.EndedAt.Should().Be(start + (6 * s_step));
        (await _client.GetArtifactsAsync("timeline", "1").ToListAsync()).Select(a => a.Path).Should().Contain("outputs/metrics.json");

        // Nothing changes after the end.
        _clock.Advance(100 * s_step);
        (await _client.GetMetricPointsAsync("timeline", "1", "train/loss").ToListAsync()).Should().HaveCount(4);
    }

    [Fact]
    public async Task Cancel_Running_StartsAnOperationThatCompletesOneStepLater()
    {
        await _client.CreateAsync("cancel-me", EmulatorJobs.Command());
        _clock.Advance(3 * s_step);

        TrainingJobOperation operation = await _client.CancelAsync(WaitUntil.Started, "cancel-me");

        operation.HasCompleted.Should().BeFalse();
        operation.GetRawResponse().Status.Should().Be(202);
        Status("cancel-me").Should().Be("CancelRequested");
        (await _client.GetOperationStatusAsync(operation.Id)).Value.Status.Should().Be(JobOperationStatus.InProgress);
        (await _client.GetOperationResultAsync(operation.Id)).GetRawResponse().Status.Should().Be(202);
        await operation.UpdateStatusAsync();
        operation.HasCompleted.Should().BeFalse();

        _clock.Advance(s_step);
        await operation.UpdateStatusAsync();

        operation.HasCompleted.Should().BeTrue();
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.Value.StartedAt.Should().Be(_clock.Now - s_step);
        operation.Value.EndedAt.Should().Be(_clock.Now);
        operation.Value.PercentComplete.Should().Be(100);
        Status("cancel-me").Should().Be("Canceled");
        (await _client.GetMetricPointsAsync("cancel-me", "1", "train/loss").ToListAsync()).Select(p => p.Step).Should().Equal(1L);

        // The result route answers with the resource once the operation is done; a rehydrated operation sees it too.
        JobOperationResource result = (await _client.GetOperationResultAsync(operation.Id)).Value;
        result.Status.Should().Be(JobOperationStatus.Succeeded);
        var rehydrated = new TrainingJobOperation(_client, operation.Id);
        await rehydrated.UpdateStatusAsync();
        rehydrated.Value.Status.Should().Be(JobOperationStatus.Succeeded);
    }

    [Fact]
    public async Task Cancel_Queued_CompletesAtOnce_AndFinishedJobsCannotBeCanceled()
    {
        await _client.CreateAsync("queued", EmulatorJobs.Command());
        TrainingJobOperation immediate = await _client.CancelAsync(WaitUntil.Started, "queued");

        immediate.HasCompleted.Should().BeTrue();
        immediate.GetRawResponse().Status.Should().Be(200);
        Status("queued").Should().Be("Canceled");
        (await _client.CancelAsync(WaitUntil.Completed, "queued")).GetRawResponse().Status.Should().Be(200);

        await _client.CreateAsync("finished", EmulatorJobs.Command());
        _clock.Advance(10 * s_step);
        var conflict = await FluentActions.Awaiting(() => _client.CancelAsync(WaitUntil.Completed, "finished")).Should().ThrowAsync<RequestFailedException>();
        conflict.Which.Status.Should().Be(409);
        conflict.Which.ErrorCode.Should().Be("JobInTerminalState");

        (await FluentActions.Awaiting(() => _client.CancelAsync(WaitUntil.Completed, "missing")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task Delete_Running_StopsTheJobAndRemovesItOneStepLater()
    {
        await _client.CreateAsync("delete-me", EmulatorJobs.Command());
        _clock.Advance(3 * s_step);

        TrainingJobOperation operation = await _client.DeleteAsync(WaitUntil.Started, "delete-me");

        operation.HasCompleted.Should().BeFalse();
        (await _client.GetOperationStatusAsync(operation.Id)).Value.Status.Should().Be(JobOperationStatus.Deleting);
        Status("delete-me").Should().Be("CancelRequested");
        (await _client.DeleteAsync(WaitUntil.Started, "delete-me")).Id.Should().Be(operation.Id, "a second delete joins the running operation");

        _clock.Advance(s_step);
        await operation.UpdateStatusAsync();

        operation.HasCompleted.Should().BeTrue();
        Response<JobOperationResource> done = await operation.WaitForCompletionAsync();
        done.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        done.Value.Properties!["job_name"]!.GetValue<string>().Should().Be("delete-me");
        (await FluentActions.Awaiting(() => _client.GetAsync("delete-me")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        (await _client.GetJobsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task MetricPoints_PageByStep_AndFilterByStepAndTime()
    {
        DateTimeOffset start = _clock.Now;
        await _client.CreateAsync("paged-metrics", EmulatorJobs.Command());
        _clock.Advance(10 * s_step);
        _emulator.ClearRequests();

        List<Page<JobMetricPoint>> pages = await _client.GetMetricPointsAsync("paged-metrics", "1", "train/loss", new MetricQueryOptions { Limit = 3 }).AsPages().ToListAsync();

        pages.Select(p => p.Values.Select(v => v.Step!.Value).ToArray()).Should().BeEquivalentTo(new[] { new[] { 1L, 2L, 3L }, new[] { 4L } }, o => o.WithStrictOrdering());
        _emulator.Requests.Select(r => r.Query.GetValueOrDefault("min_step")).Should().Equal(null, "4");
        _emulator.Requests.Should().OnlyContain(r => r.Query["limit"] == "3" && r.Query["api-version"] == "v1");

        (await _client.GetMetricPointsAsync("paged-metrics", "1", "train/loss", new MetricQueryOptions { MinStep = 2, MaxStep = 3 }).ToListAsync())
            .Select(p => p.Step).Should().Equal(2L, 3L);
        (await _client.GetMetricPointsAsync("paged-metrics", "1", "train/loss", new MetricQueryOptions { StartedAt = start + (5 * s_step), EndedAt = start + (6 * s_step) }).ToListAsync())
            .Select(p => p.Step).Should().Equal(3L, 4L);
        (await FluentActions.Awaiting(() => _client.GetMetricPointsAsync("paged-metrics", "1", "no/such/metric").ToListAsync().AsTask()).Should().ThrowAsync<RequestFailedException>())
            .Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task FailWhen_DecidesWhichJobsFail()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            TimeProvider = _clock,
            StepInterval = s_step,
            TrainingSteps = 4,
            FailWhen = job => job.Id.StartsWith("bad-", StringComparison.Ordinal),
        });
        TrainingJobsClient client = emulator.CreateTrainingJobsClient();
        await client.CreateAsync("bad-job", EmulatorJobs.Command());
        await client.CreateAsync("good-job", EmulatorJobs.Command());

        _clock.Advance(10 * s_step);

        ((CommandJob)(await client.GetAsync("bad-job")).Value.Properties).Status.Should().Be("Failed");
        ((CommandJob)(await client.GetAsync("good-job")).Value.Properties).Status.Should().Be("Completed");
    }
}
