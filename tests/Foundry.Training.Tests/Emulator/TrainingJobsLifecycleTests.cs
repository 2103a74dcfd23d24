using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>A Foundry training job from create to artifacts, against the emulator in real (fast) time.</summary>
public sealed class TrainingJobsLifecycleTests : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);

    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
    {
        StepInterval = TimeSpan.FromMilliseconds(20),
        TrainingSteps = 6,
    });

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task SftJob_RunsToCompletion_WithMetricsArtifactsAndOutputs()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();

        TrainingJob created = (await client.CreateAsync("sft-lora", EmulatorJobs.SftWithLora(), _timeout.Token)).Value;
        TrainingJob done = (await client.WaitForCompletionAsync("sft-lora", s_poll, _timeout.Token)).Value;

        // Created queued, with the recipe echoed and the framework the service resolved.
        var createdCommand = created.Properties.Should().BeOfType<CommandJob>().Subject;
        createdCommand.Status.Should().Be("Queued");
        createdCommand.DisplayName.Should().Be("SFT with LoRA");
        createdCommand.Tags["team"]!.GetValue<string>().Should().Be("emulator-tests");
        var sft = createdCommand.Training.Should().BeOfType<SftTrainingConfiguration>().Subject;
        sft.Lora!.Rank.Should().Be(16);
        sft.ResolvedFramework.Should().Be(TrainingFramework.Trl);
        sft.FrameworkVersion.Should().NotBeNullOrEmpty();
        created.SystemData!.CreatedAt.Should().NotBeNull();

        // Completed with one attempt.
        ((CommandJob)done.Properties).Status.Should().Be("Completed");
        JobAttempt attempt = (await client.GetAttemptAsync("sft-lora", TrainingJobsClient.LatestAttempt, _timeout.Token)).Value;
        attempt.Id.Should().Be("1");
        attempt.Status.Should().Be(JobAttemptStatus.Completed);
        attempt.IsLatest.Should().BeTrue();
        attempt.StartedAt.Should().NotBeNull();
        attempt.EndedAt.Should().BeOnOrAfter(attempt.StartedAt!.Value);
        List<JobAttempt> attempts = await client.GetAttemptsAsync("sft-lora", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        attempts.Select(a => a.Id).Should().Equal("1");

        // Metrics: one point per step, loss falling, eval every second step, learning rate from the recipe.
        List<JobMetric> metrics = await client.GetMetricsAsync("sft-lora", "1", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        metrics.Select(m => m.Name).Should().Equal("train/loss", "train/learning_rate", "train/grad_norm", "train/epoch", "eval/loss");
        metrics.Should().OnlyContain(m => m.MetricType == JobMetricType.Scalar);
        List<JobMetricPoint> loss = await client.GetMetricPointsAsync("sft-lora", "1", "train/loss", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        loss.Select(p => p.Step).Should().Equal(1L, 2L, 3L, 4L, 5L, 6L);
        double firstLoss = loss[0].Data!["value"]!.GetValue<double>();
        double lastLoss = loss[^1].Data!["value"]!.GetValue<double>();
        lastLoss.Should().BeLessThan(firstLoss);
        List<JobMetricPoint> eval = await client.GetMetricPointsAsync("sft-lora", "latest", "eval/loss", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        eval.Select(p => p.Step).Should().Equal(2L, 4L, 6L);
        List<JobMetricPoint> learningRate = await client.GetMetricPointsAsync("sft-lora", "1", "train/learning_rate", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        learningRate.Max(p => p.Data!["value"]!.GetValue<double>()).Should().Be(0.0002);

        List<JobMetricLastValue> last = await client.GetMetricLastValuesAsync("sft-lora", "1", _timeout.Token).ToListAsync(_timeout.Token);
        last.Single(v => v.Name == "train/loss").Point!.Step.Should().Be(6);
        last.Single(v => v.Name == "train/loss").Value.Should().Be(lastLoss);
        JobMetricAggregate aggregate = (await client.GetMetricAggregatesAsync("sft-lora", "1", "train/loss", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token)).Single();
        aggregate.Values!["count"]!.GetValue<int>().Should().Be(6);
        aggregate.Values["min"]!.GetValue<double>().Should().BeLessThanOrEqualTo(lastLoss);
        aggregate.Min.Should().Be(aggregate.Values["min"]!.GetValue<double>());
        aggregate.Values["last"]!.GetValue<double>().Should().Be(lastLoss);
        JobMetricSample samples = (await client.GetMetricSamplesAsync("sft-lora", "1", "train/loss", new MetricQueryOptions { Limit = 3 }, _timeout.Token)).Value;
        samples.Points.Select(p => p.Step).Should().Equal(1L, 4L, 6L);
        JobMetricSample sample = (await client.GetMetricSampleAsync("sft-lora", "1", "train/loss", new MetricQueryOptions { MaxStep = 3 }, _timeout.Token)).Value;
        sample.Points.Single().Step.Should().Be(3);

        // Artifacts: logs, checkpoints and the LoRA adapter, each downloadable.
        List<JobArtifact> artifacts = await client.GetArtifactsAsync("sft-lora", "1", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        artifacts.Select(a => a.Path).Should().Contain(new[]
        {
            "logs/std_log.txt",
            "checkpoints/checkpoint-3/adapter_model.safetensors",
            "outputs/model/adapter_config.json",
            "outputs/model/adapter_model.safetensors",
            "outputs/metrics.json",
        });
        artifacts.Should().OnlyContain(a => a.Type == JobArtifactType.File && a.Size > 0);
        JobArtifact folder = (await client.GetArtifactMetadataAsync("sft-lora", "1", "outputs/model", _timeout.Token)).Value;
        folder.Type.Should().Be(JobArtifactType.Directory);

        using (Stream config = (await client.DownloadArtifactAsync("sft-lora", "1", "outputs/model/adapter_config.json", _timeout.Token)).Value)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(config)!;
            json["r"]!.GetValue<int>().Should().Be(16);
            json["lora_alpha"]!.GetValue<int>().Should().Be(32);
            json["peft_type"]!.GetValue<string>().Should().Be("LORA");
        }

        string target = Path.Combine(Path.GetTempPath(), "emulator-artifacts-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<DownloadedArtifact> downloaded = await client.DownloadArtifactsAsync("sft-lora", "latest", target, "outputs/", cancellationToken: _timeout.Token);
            downloaded.Select(d => d.ArtifactPath).Should().BeEquivalentTo("outputs/metrics.json", "outputs/model/adapter_config.json", "outputs/model/adapter_model.safetensors");
            foreach (DownloadedArtifact file in downloaded)
            {
                new FileInfo(file.LocalPath).Length.Should().Be(artifacts.Single(a => a.Path == file.ArtifactPath).Size);
            }

            string log = await File.ReadAllTextAsync((await client.DownloadArtifactsAsync("sft-lora", "1", target, "logs/", cancellationToken: _timeout.Token)).Single().LocalPath, _timeout.Token);
            log.Should().Contain("step 6/6").And.Contain("Training completed.");
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }

        // Outputs: the recipe declared none, so the service registers the model.
        JobOutputReference output = (await client.GetOutputsAsync("sft-lora", _timeout.Token).ToListAsync(_timeout.Token)).Single();
        output.Name.Should().Be("model");
        output.Type.Should().Be(AssetTypes.SafetensorsModel);
        output.AssetName.Should().Be("sft-lora-model");
        output.BaseModelId.Should().Be(sft.Model);
        (await client.GetAttemptOutputAsync("sft-lora", "1", "model", _timeout.Token)).Value.AssetVersion.Should().Be("1");

        TrainingJobServiceCollection services = (await client.GetServicesAsync("sft-lora", cancellationToken: _timeout.Token)).Value;
        services.Services.Keys.Should().BeEquivalentTo("studio", "tracking");
        services.Services["studio"].Type.Should().Be(JobServiceType.Studio);
    }

    [Fact]
    public async Task Watch_ReportsEveryStatusChangeAndEveryMetricPointOnce()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync("watched", EmulatorJobs.Grpo(), _timeout.Token);

        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in client.WatchAsync("watched", s_poll, _timeout.Token))
        {
            updates.Add(update);
        }

        List<string?> statuses = updates.Where(u => u.Kind == TrainingJobUpdateKind.StatusChanged).Select(u => u.Status).ToList();
        statuses[^1].Should().Be("Completed");
        statuses.Should().OnlyHaveUniqueItems().And.BeSubsetOf(new[] { "Queued", "Running", "Completed" });
        foreach (string metric in new[] { "train/loss", "train/reward" })
        {
            updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint && u.MetricName == metric).Select(u => u.Point!.Step)
                .Should().Equal(1L, 2L, 3L, 4L, 5L, 6L);
        }

        var reward = updates.Where(u => u.MetricName == "train/reward").Select(u => u.Point!.Data!["value"]!.GetValue<double>()).ToList();
        reward[^1].Should().BeGreaterThan(reward[0]);
    }

    [Theory]
    [InlineData("retry", new[] { 1L, 2L, 3L, 4L, 5L, 6L })]
    [InlineData("preempt", new[] { 4L, 5L, 6L })]
    [InlineData("fail-then-succeed", new[] { 1L, 2L, 3L, 4L, 5L, 6L })]
    public async Task Watch_FollowsAJobWithTwoAttempts_ToCompleted(string scenario, long[] secondAttemptSteps)
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync(scenario, TrainingJobsAttemptScenarioTests.WithScenario(scenario), _timeout.Token);

        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in client.WatchAsync(scenario, s_poll, _timeout.Token))
        {
            updates.Add(update);
        }

        updates.Where(u => u.Kind == TrainingJobUpdateKind.StatusChanged).Select(u => u.Status).Last().Should().Be("Completed");
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint && u.AttemptId == "2" && u.MetricName == "train/loss").Select(u => u.Point!.Step)
            .Should().Equal(secondAttemptSteps.Cast<long?>(), "a new attempt starts the watch's steps over, and each point comes once");
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint).Select(u => u.AttemptId).Should().OnlyContain(id => id == "1" || id == "2");

        TrainingJob done = (await client.WaitForCompletionAsync(scenario, s_poll, _timeout.Token)).Value;
        ((CommandJob)done.Properties).Status.Should().Be("Completed");
        List<JobAttempt> attempts = await client.GetAttemptsAsync(scenario, cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        attempts.Select(a => a.Id).Should().Equal("1", "2");
        attempts[0].Status.Should().Be(scenario == "preempt" ? JobAttemptStatus.Canceled : JobAttemptStatus.Failed);
        attempts[1].Status.Should().Be(JobAttemptStatus.Completed);
    }

    [Fact]
    public async Task FailingJob_EndsFailed_WithTheAttemptError()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync("doomed", EmulatorJobs.SftWithLora(outcome: "failed"), _timeout.Token);

        TrainingJob job = (await client.WaitForCompletionAsync("doomed", s_poll, _timeout.Token)).Value;

        ((CommandJob)job.Properties).Status.Should().Be("Failed");
        JobAttempt attempt = (await client.GetAttemptAsync("doomed", "latest", _timeout.Token)).Value;
        attempt.Status.Should().Be(JobAttemptStatus.Failed);
        attempt.Error!.Code.Should().Be("UserError");
        attempt.Error.Message.Should().Contain("step 3");
        (await client.GetMetricPointsAsync("doomed", "1", "train/loss", cancellationToken: _timeout.Token).ToListAsync(_timeout.Token)).Should().HaveCount(3);
        (await client.GetOutputsAsync("doomed", _timeout.Token).ToListAsync(_timeout.Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancel_RunningJob_IsALongRunningOperationThatEndsCanceled()
    {
        // A long run, so the job is surely still running when the cancel arrives.
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(20), TrainingSteps = 10_000 });
        TrainingJobsClient client = emulator.CreateTrainingJobsClient();
        await client.CreateAsync("to-cancel", EmulatorJobs.Command(), _timeout.Token);
        while (((CommandJob)(await client.GetAsync("to-cancel", _timeout.Token)).Value.Properties).Status != "Running")
        {
            await Task.Delay(s_poll, _timeout.Token);
        }

        TrainingJobOperation operation = await client.CancelAsync(WaitUntil.Completed, "to-cancel", _timeout.Token);

        operation.HasCompleted.Should().BeTrue();
        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        operation.Value.Properties!["operation_type"]!.GetValue<string>().Should().Be("cancel");
        ((CommandJob)(await client.GetAsync("to-cancel", _timeout.Token)).Value.Properties).Status.Should().Be("Canceled");
        (await client.GetAttemptAsync("to-cancel", "1", _timeout.Token)).Value.Status.Should().Be(JobAttemptStatus.Canceled);
        emulator.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/training_jobs/to-cancel:cancel" && r.StatusCode == 202);
        emulator.Requests.Should().Contain(r => r.Method == "GET" && r.Path == "/training_jobs/operations/" + operation.Id + "/status");
    }

    [Fact]
    public async Task Delete_IsALongRunningOperation_ThenTheJobIsGone()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync("to-delete", EmulatorJobs.Command(), _timeout.Token);

        TrainingJobOperation operation = await client.DeleteAsync(WaitUntil.Completed, "to-delete", _timeout.Token);

        operation.Value.Status.Should().Be(JobOperationStatus.Succeeded);
        var missing = await FluentActions.Awaiting(() => client.GetAsync("to-delete", _timeout.Token)).Should().ThrowAsync<RequestFailedException>();
        missing.Which.Status.Should().Be(404);
        missing.Which.ErrorCode.Should().Be("NotFound");

        // Deleting what is not there completes at once (204).
        TrainingJobOperation again = await client.DeleteAsync(WaitUntil.Started, "to-delete", _timeout.Token);
        again.HasCompleted.Should().BeTrue();
        again.GetRawResponse().Status.Should().Be(204);
    }

    [Fact]
    public async Task Sync_Methods_WorkAgainstTheEmulator()
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        client.Create("sync-job", EmulatorJobs.Command(), _timeout.Token);
        TrainingJob job = client.WaitForCompletion("sync-job", s_poll, _timeout.Token).Value;

        ((CommandJob)job.Properties).Status.Should().Be("Completed");
        client.GetJobs(cancellationToken: _timeout.Token).Select(j => j.Name).Should().Equal("sync-job");
        client.GetMetricPoints("sync-job", "1", "train/loss", cancellationToken: _timeout.Token).Should().HaveCount(6);
        client.Delete(WaitUntil.Completed, "sync-job", _timeout.Token).Value.Status.Should().Be(JobOperationStatus.Succeeded);
    }
}
