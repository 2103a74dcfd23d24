using System.Net;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// Jobs with two attempts (retry, preempt, fail-then-succeed) through the public <see cref="TrainingJobsClient"/>, on a
/// manual clock: each attempt has its own status, metrics, artifacts, outputs and log, and the job follows the current one.
/// </summary>
public sealed class TrainingJobsAttemptScenarioTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;
    private readonly HttpClient _http = new();

    public TrainingJobsAttemptScenarioTests()
    {
        // Six steps: a failure halfway is at step 3, the first checkpoint is at step 3, a preemption at step 5.
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            TimeProvider = _clock,
            StepInterval = s_step,
            TrainingSteps = 6,
            ScenarioWhen = job => job.Id == "chosen-by-option" ? EmulatedJobScenario.Preempt : EmulatedJobScenario.None,
        });
        _client = _emulator.CreateTrainingJobsClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    internal static CommandJob WithScenario(string scenario, string? outcome = null)
    {
        CommandJob job = EmulatorJobs.SftWithLora(outcome);
        job.Tags[FoundryTrainingEmulatorOptions.ScenarioTag] = scenario;
        return job;
    }

    private string Status(string name) => ((CommandJob)_client.Get(name).Value.Properties).Status!;

    private async Task<List<JobAttempt>> AttemptsAsync(string name) => await _client.GetAttemptsAsync(name).ToListAsync();

    private async Task<List<long?>> StepsAsync(string name, string attempt) =>
        (await _client.GetMetricPointsAsync(name, attempt, "train/loss").ToListAsync()).Select(p => p.Step).ToList();

    private async Task<List<string>> ArtifactPathsAsync(string name, string attempt) =>
        (await _client.GetArtifactsAsync(name, attempt).ToListAsync()).Select(a => a.Path).ToList();

    private async Task<string> LogAsync(string name, string attempt)
    {
        using var reader = new StreamReader((await _client.DownloadArtifactAsync(name, attempt, "logs/std_log.txt")).Value);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Retry_Attempt1FailsWithASystemError_Attempt2StartsAtOnceFromStep1_AndTheJobStaysRunning()
    {
        DateTimeOffset start = _clock.Now;
        await _client.CreateAsync("retried", WithScenario("retry"));

        _clock.Advance(5 * s_step); // running from step 2; steps 1-3; attempt 1 fails at step 3
        Status("retried").Should().Be("Running");
        List<JobAttempt> attempts = await AttemptsAsync("retried");
        attempts.Select(a => a.Id).Should().Equal("1", "2");
        attempts[0].Status.Should().Be(JobAttemptStatus.Failed);
        attempts[0].Error!.Code.Should().Be("SystemError");
        attempts[0].EndedAt.Should().Be(start + (5 * s_step));
        attempts[0].IsLatest.Should().BeFalse();
        attempts[1].Status.Should().Be(JobAttemptStatus.Running);
        attempts[1].StartedAt.Should().Be(start + (5 * s_step));
        attempts[1].IsLatest.Should().BeTrue();
        (await _client.GetAttemptAsync("retried", TrainingJobsClient.LatestAttempt)).Value.Id.Should().Be("2");
        (await StepsAsync("retried", "1")).Should().Equal(1L, 2L, 3L);
        (await _client.GetMetricsAsync("retried", "2").ToListAsync()).Should().BeEmpty("attempt 2 has logged nothing yet");
        (await LogAsync("retried", "1")).Should().Contain("Attempt 1 started").And.Contain("step 3/6").And.Contain("Error: ").And.Contain("retries");
        (await LogAsync("retried", "2")).Should().Contain("Attempt 2 started").And.NotContain("step 1/6");

        _clock.Advance(6 * s_step);
        Status("retried").Should().Be("Completed");
        attempts = await AttemptsAsync("retried");
        attempts.Select(a => a.Status).Should().Equal(JobAttemptStatus.Failed, JobAttemptStatus.Completed);
        attempts[1].Error.Should().BeNull();
        (await StepsAsync("retried", "2")).Should().Equal(1L, 2L, 3L, 4L, 5L, 6L);
        (await StepsAsync("retried", TrainingJobsClient.LatestAttempt)).Should().HaveCount(6);

        // Each attempt draws its own noise: the same step has another loss.
        double Loss(List<JobMetricPoint> points, long step) => points.Single(p => p.Step == step).Data!["value"]!.GetValue<double>();
        List<JobMetricPoint> first = await _client.GetMetricPointsAsync("retried", "1", "train/loss").ToListAsync();
        List<JobMetricPoint> second = await _client.GetMetricPointsAsync("retried", "2", "train/loss").ToListAsync();
        Loss(second, 2).Should().NotBe(Loss(first, 2));

        (await ArtifactPathsAsync("retried", "1")).Should().Equal("logs/std_log.txt");
        (await ArtifactPathsAsync("retried", "2")).Should().Contain(new[] { "checkpoints/checkpoint-3/adapter_model.safetensors", "outputs/metrics.json", "logs/std_log.txt" });
        (await _client.GetAttemptOutputsAsync("retried", "1").ToListAsync()).Should().BeEmpty();
        (await _client.GetAttemptOutputsAsync("retried", "2").ToListAsync()).Select(o => o.Name).Should().Equal("model");
        (await _client.GetOutputsAsync("retried").ToListAsync()).Select(o => o.Name).Should().Equal("model");
    }

    [Fact]
    public async Task Preempt_Attempt1IsCanceledAfterItsCheckpoint_TheJobQueuesAgain_Attempt2ResumesFromTheCheckpoint()
    {
        DateTimeOffset start = _clock.Now;
        await _client.CreateAsync("preempted", WithScenario("PREEMPT"));

        _clock.Advance(7 * s_step); // steps 1-4 (checkpoint at 3), then preempted before step 5
        Status("preempted").Should().Be("Queued");
        JobAttempt first = (await _client.GetAttemptAsync("preempted", TrainingJobsClient.LatestAttempt)).Value;
        first.Id.Should().Be("1");
        first.Status.Should().Be(JobAttemptStatus.Canceled);
        first.StatusReason.Should().Be("Preempted.");
        first.Error!.Code.Should().Be("Preempted");
        first.Error.Details!["resume_after_step"]!.GetValue<int>().Should().Be(3);
        first.EndedAt.Should().Be(start + (7 * s_step));
        (await StepsAsync("preempted", "1")).Should().Equal(1L, 2L, 3L, 4L);
        (await ArtifactPathsAsync("preempted", "1")).Should().Contain("checkpoints/checkpoint-3/trainer_state.json").And.NotContain("outputs/metrics.json");
        (await LogAsync("preempted", "1")).Should().EndWith("Preempted: the node was reclaimed. Waiting for capacity to resume.\n");
        (await FluentActions.Awaiting(() => _client.GetAttemptAsync("preempted", "2")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);

        _clock.Advance(2 * s_step); // queued again for two steps
        Status("preempted").Should().Be("Running");
        JobAttempt second = (await _client.GetAttemptAsync("preempted", TrainingJobsClient.LatestAttempt)).Value;
        second.Id.Should().Be("2");
        second.Status.Should().Be(JobAttemptStatus.Running);
        second.QueueingInfo!["queued_at"]!.GetValue<long>().Should().Be((start + (7 * s_step)).ToUnixTimeSeconds());
        (await LogAsync("preempted", "2")).Should().Contain("Resuming from checkpoints/checkpoint-3 (step 3).");

        _clock.Advance(3 * s_step);
        Status("preempted").Should().Be("Completed");
        (await AttemptsAsync("preempted")).Select(a => (a.Id, a.Status)).Should().Equal(("1", JobAttemptStatus.Canceled), ("2", JobAttemptStatus.Completed));
        (await StepsAsync("preempted", "2")).Should().Equal(4L, 5L, 6L);
        List<string> resumed = await ArtifactPathsAsync("preempted", "2");
        resumed.Should().Contain("outputs/metrics.json").And.NotContain(p => p.StartsWith("checkpoints/", StringComparison.Ordinal), "attempt 2 resumed after the checkpoint and wrote none before the end");
    }

    [Fact]
    public async Task FailThenSucceed_Attempt1FailsWithAUserError_TheJobQueuesAgain_Attempt2StartsOverAndSucceeds()
    {
        await _client.CreateAsync("second-time-lucky", WithScenario("fail-then-succeed"));

        _clock.Advance(5 * s_step);
        Status("second-time-lucky").Should().Be("Queued");
        JobAttempt first = (await _client.GetAttemptAsync("second-time-lucky", TrainingJobsClient.LatestAttempt)).Value;
        first.Status.Should().Be(JobAttemptStatus.Failed);
        first.Error!.Code.Should().Be("UserError");
        first.Error.Details!["exit_code"]!.GetValue<int>().Should().Be(1);
        first.StatusReason.Should().Be(first.Error.Message);
        (await LogAsync("second-time-lucky", "1")).Should().Contain("Traceback (most recent call last):").And.EndWith("Exit code 1.\n");

        _clock.Advance(2 * s_step);
        Status("second-time-lucky").Should().Be("Running");
        _clock.Advance(6 * s_step);
        Status("second-time-lucky").Should().Be("Completed");
        (await AttemptsAsync("second-time-lucky")).Select(a => a.Status).Should().Equal(JobAttemptStatus.Failed, JobAttemptStatus.Completed);
        (await StepsAsync("second-time-lucky", "1")).Should().Equal(1L, 2L, 3L);
        (await StepsAsync("second-time-lucky", "2")).Should().Equal(1L, 2L, 3L, 4L, 5L, 6L);
        (await _client.GetMetricLastValuesAsync("second-time-lucky", "1").ToListAsync()).Single(v => v.Name == "train/loss").Step.Should().Be(3);
        (await _client.GetMetricLastValuesAsync("second-time-lucky", "2").ToListAsync()).Single(v => v.Name == "train/loss").Step.Should().Be(6);
    }

    [Fact]
    public async Task ScenarioAndFailure_Combine_Attempt1IsRetried_Attempt2FailsTheJob()
    {
        await _client.CreateAsync("retried-then-failed", WithScenario("retry", outcome: "failed"));

        _clock.Advance(20 * s_step);

        Status("retried-then-failed").Should().Be("Failed");
        List<JobAttempt> attempts = await AttemptsAsync("retried-then-failed");
        attempts.Select(a => a.Error!.Code).Should().Equal("SystemError", "UserError");
        attempts.Select(a => a.Status).Should().Equal(JobAttemptStatus.Failed, JobAttemptStatus.Failed);
    }

    [Fact]
    public async Task ScenarioWhen_PicksTheScenario_WhenTheJobHasNoTag()
    {
        await _client.CreateAsync("chosen-by-option", EmulatorJobs.SftWithLora());
        await _client.CreateAsync("plain", EmulatorJobs.SftWithLora());

        _clock.Advance(20 * s_step);

        (await AttemptsAsync("chosen-by-option")).Select(a => a.Status).Should().Equal(JobAttemptStatus.Canceled, JobAttemptStatus.Completed);
        (await AttemptsAsync("plain")).Select(a => a.Status).Should().Equal(JobAttemptStatus.Completed);
    }

    [Fact]
    public async Task UnknownScenarioTag_IsRejectedAtCreate_NamingTheKnownOnes()
    {
        var error = await FluentActions.Awaiting(() => _client.CreateAsync("typo", WithScenario("retyr"))).Should().ThrowAsync<RequestFailedException>();

        error.Which.Status.Should().Be(400);
        error.Which.ErrorCode.Should().Be("InvalidEmulatorScenario");
        error.Which.Message.Should().Contain("'retyr'").And.Contain("'preempt'");
        (await FluentActions.Awaiting(() => _client.GetAsync("typo")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task CancelWhileQueuedBetweenAttempts_EndsTheJob_AndLeavesAttempt1AsItEnded()
    {
        await _client.CreateAsync("cancel-between", WithScenario("preempt"));
        _clock.Advance(7 * s_step);

        TrainingJobOperation operation = await _client.CancelAsync(WaitUntil.Started, "cancel-between");

        operation.GetRawResponse().Status.Should().Be(200);
        Status("cancel-between").Should().Be("Canceled");
        JobAttempt only = (await AttemptsAsync("cancel-between")).Should().ContainSingle().Subject;
        only.Error!.Code.Should().Be("Preempted");
        _clock.Advance(10 * s_step);
        (await AttemptsAsync("cancel-between")).Should().ContainSingle();
    }

    [Fact]
    public async Task EachAttemptsLog_GrowsALineAStep_OnItsOwnContentUrl_AndStaysPutOnceTheAttemptEnds()
    {
        await _client.CreateAsync("logs", WithScenario("retry"));
        _clock.Advance(3 * s_step); // attempt 1 started, step 1 done
        Uri firstLog = (await _client.GetArtifactContentInfoAsync("logs", TrainingJobsClient.LatestAttempt, "logs/std_log.txt")).Value.ContentUri!;
        firstLog.AbsolutePath.Should().EndWith("/artifacts/logs/1/logs/std_log.txt", "a content URL names the attempt, not 'latest'");

        using HttpResponseMessage before = await _http.GetAsync(firstLog);
        byte[] seen = await before.Content.ReadAsByteArrayAsync();
        using HttpResponseMessage again = await _http.GetAsync(firstLog);
        again.Headers.ETag!.Tag.Should().Be(before.Headers.ETag!.Tag, "the log did not change");

        _clock.Advance(s_step); // step 2
        using HttpResponseMessage tail = await Ranged(firstLog, $"bytes={seen.Length}-");
        tail.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        string added = await tail.Content.ReadAsStringAsync();
        added.Should().StartWith(_clock.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).And.Contain("step 2/6").And.EndWith("\n");
        added.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("one line a step");
        tail.Headers.ETag!.Tag.Should().NotBe(before.Headers.ETag!.Tag);
        using HttpResponseMessage whole = await _http.GetAsync(firstLog);
        (await whole.Content.ReadAsByteArrayAsync()).Take(seen.Length).Should().Equal(seen, "the log only ever grows at its end");

        _clock.Advance(s_step); // step 3: attempt 1 fails, attempt 2 starts
        using HttpResponseMessage ended = await _http.GetAsync(firstLog);
        string endedText = await ended.Content.ReadAsStringAsync();
        _clock.Advance(3 * s_step);
        using HttpResponseMessage later = await _http.GetAsync(firstLog);
        (await later.Content.ReadAsStringAsync()).Should().Be(endedText, "attempt 1's log is complete once it ended");
        later.Headers.ETag!.Tag.Should().Be(ended.Headers.ETag!.Tag);
        using HttpResponseMessage nothingNew = await Ranged(firstLog, $"bytes={Encoding(endedText)}-");
        nothingNew.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable, "as blob storage answers a range at the end");

        Uri secondLog = (await _client.GetArtifactContentInfoAsync("logs", TrainingJobsClient.LatestAttempt, "logs/std_log.txt")).Value.ContentUri!;
        secondLog.AbsolutePath.Should().EndWith("/artifacts/logs/2/logs/std_log.txt");
        string secondText = await _http.GetStringAsync(secondLog);
        secondText.Should().Contain("Attempt 2 started").And.Contain("step 3/6").And.NotContain("Attempt 1");
    }

    private static int Encoding(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    private Task<HttpResponseMessage> Ranged(Uri uri, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Range", range);
        return _http.SendAsync(request);
    }
}
