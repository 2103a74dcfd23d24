using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Upload, process, fine-tune, read events, checkpoints, models and results — on Azure OpenAI and on the OpenAI platform.</summary>
public sealed class FineTuningLifecycleTests : IDisposable
{
    private const string BaseModel = "gpt-4o-mini-2024-07-18";

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

    private FineTuningClient Client(bool azure) => azure ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadThenFineTune_RunsToSuccess_WithEventsCheckpointsModelAndResults(bool azure)
    {
        FineTuningClient client = Client(azure);
        FineTuningFilesClient files = client.GetFilesClient();
        byte[] data = TrainingData.ChatJsonl();
        var progress = new ProgressRecorder();

        // Upload (streamed, with progress), then wait until processed: the emulator's retry-after-ms paces the polling.
        FineTuningFile uploaded = (await files.UploadAsync(new MemoryStream(data), "train.jsonl", FilePurpose.FineTune, progress, _timeout.Token)).Value;
        uploaded.Status.Should().Be(azure ? FileState.Pending : FileState.Uploaded);
        uploaded.Bytes.Should().Be(data.Length);
        uploaded.FileName.Should().Be("train.jsonl");
        progress.Reports[^1].Should().Be(data.Length);
        FineTuningFile processed = (await files.WaitForProcessedAsync(uploaded.Id!, cancellationToken: _timeout.Token)).Value;
        processed.Status.Should().Be(FileState.Processed);
        using (var content = new MemoryStream())
        {
            await (await files.DownloadContentAsync(uploaded.Id!, _timeout.Token)).Value.CopyToAsync(content, _timeout.Token);
            content.ToArray().Should().Equal(data);
        }

        // Fine-tune.
        var request = new FineTuningJobCreateOptions(BaseModel, uploaded.Id!) { Suffix = "emulated", Seed = 7 };
        request.Metadata["purpose"] = "test";
        FineTuningJob created = (await client.CreateJobAsync(request, _timeout.Token)).Value;
        created.Status.Should().Be(azure ? FineTuningState.Pending : FineTuningState.ValidatingFiles);
        created.Id.Should().StartWith("ftjob-");
        created.Seed.Should().Be(7);
        // Unresolved: "auto" on OpenAI; Azure OpenAI's 2024-05-01-preview hyperparameters are numbers, -1 until resolved.
        created.Hyperparameters!.EpochCount.Should().Be(azure ? FineTuningHyperparameterValue.FromNumber(-1) : FineTuningHyperparameterValue.Auto);
        created.Hyperparameters.LearningRateMultiplier.Should().Be(azure ? null : FineTuningHyperparameterValue.Auto);

        FineTuningJob done = (await client.WaitForCompletionAsync(created.Id!, cancellationToken: _timeout.Token)).Value;

        done.Status.Should().Be(FineTuningState.Succeeded);
        done.FineTunedModel.Should().Be(azure
            ? BaseModel + ".ft-" + created.Id!.Substring("ftjob-".Length) + "-emulated"
            : "ft:" + BaseModel + ":emulator:emulated:" + created.Id!.Substring("ftjob-".Length, 8).ToLowerInvariant());
        done.FinishedAt.Should().BeOnOrAfter(done.CreatedAt!.Value);
        done.TrainedTokens.Should().BeGreaterThan(0);
        done.Hyperparameters!.EpochCount!.Value.Number.Should().Be(3);
        done.Metadata!["purpose"].Should().Be("test");
        done.OrganizationId.Should().Be(azure ? null : "org-emulator");

        // Events, newest first: the end of the story first, a metrics event per step.
        List<FineTuningJobEvent> events = await client.GetJobEventsAsync(done.Id!, cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        events[0].Message.Should().Be(azure ? "Job succeeded." : "The job has successfully completed");
        events.Select(e => e.CreatedAt).Should().BeInDescendingOrder();
        List<FineTuningJobEvent> metrics = events.Where(e => e.Type == FineTuningJobEventType.Metrics).Reverse().ToList();
        metrics.Select(e => e.Data!["step"]!.GetValue<int>()).Should().Equal(1, 2, 3, 4, 5, 6);
        metrics[^1].Data!["train_loss"]!.GetValue<double>().Should().BeLessThan(metrics[0].Data!["train_loss"]!.GetValue<double>());
        events.Should().Contain(e => e.Message == "New fine-tuned model created: " + done.FineTunedModel);

        // Checkpoints, newest first.
        List<FineTuningJobCheckpoint> checkpoints = await client.GetJobCheckpointsAsync(done.Id!, cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        checkpoints.Select(c => c.StepNumber).Should().Equal(6, 4, 2);
        checkpoints[0].FineTunedModelCheckpoint.Should().Be(done.FineTunedModel + ":ckpt-step-6");
        checkpoints[0].FineTuningJobId.Should().Be(done.Id);
        checkpoints[0].Metrics!["train_loss"].Should().BePositive();

        // The model is in the catalog.
        FineTuningModelsClient models = client.GetModelsClient();
        (await models.GetModelsAsync(_timeout.Token).ToListAsync(_timeout.Token)).Select(m => m.Id).Should().Contain(new[] { BaseModel, done.FineTunedModel });
        FineTuningModel model = (await models.GetModelAsync(done.FineTunedModel!, _timeout.Token)).Value;
        if (azure)
        {
            model.Model.Should().Be(BaseModel);
            model.FineTune.Should().Be(done.Id);
            model.Status.Should().Be(FineTuningState.Succeeded);
            model.Capabilities!.Inference.Should().BeTrue();
        }
        else
        {
            model.OwnedBy.Should().Be("user-emulator");
            model.Created.Should().Be(done.FinishedAt);
        }

        // The result file holds the step metrics.
        string resultId = done.ResultFiles.Should().ContainSingle().Subject;
        FineTuningFile result = (await files.GetAsync(resultId, _timeout.Token)).Value;
        result.Purpose.Should().Be(FilePurpose.FineTuneResults);
        result.Status.Should().Be(FileState.Processed);
        using var reader = new StreamReader((await files.DownloadContentAsync(resultId, _timeout.Token)).Value);
        string[] lines = (await reader.ReadToEndAsync(_timeout.Token)).TrimEnd('\n').Split('\n');
        lines[0].Should().StartWith("step,train_loss");
        lines.Should().HaveCount(7);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JobThatAsksToFail_FailsHalfway_AndWaitingThrows(bool azure)
    {
        FineTuningClient client = Client(azure);
        string fileId = await UploadProcessedAsync(client);
        var request = new FineTuningJobCreateOptions(BaseModel, fileId) { Suffix = "fail" };

        FineTuningJob created = (await client.CreateJobAsync(request, _timeout.Token)).Value;
        var failure = await FluentActions.Awaiting(() => client.WaitForCompletionAsync(created.Id!, cancellationToken: _timeout.Token)).Should().ThrowAsync<FineTuningJobFailedException>();

        FineTuningJob failed = failure.Which.Job;
        failed.Status.Should().Be(FineTuningState.Failed);
        failed.Error!.Code.ToString().Should().Be("emulated_failure");
        failed.FineTunedModel.Should().BeNull();
        (await client.GetJobEventsAsync(created.Id!, cancellationToken: _timeout.Token).ToListAsync(_timeout.Token))[0].Level.Should().Be(LogLevel.Error);
        (await client.GetModelsClient().GetModelsAsync(_timeout.Token).ToListAsync(_timeout.Token)).Should().NotContain(m => m.Id!.Contains(created.Id!.Substring(6, 8), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sync_Methods_WorkAgainstTheEmulator()
    {
        FineTuningClient client = _emulator.CreateOpenAIClient();
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile file = files.Upload(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune, cancellationToken: _timeout.Token).Value;
        files.WaitForProcessed(file.Id!, cancellationToken: _timeout.Token);

        FineTuningJob job = client.CreateJob(new FineTuningJobCreateOptions(BaseModel, file.Id!), _timeout.Token).Value;
        FineTuningJob done = client.WaitForCompletion(job.Id!, cancellationToken: _timeout.Token).Value;

        done.Status.Should().Be(FineTuningState.Succeeded);
        client.GetJobs(cancellationToken: _timeout.Token).Select(j => j.Id).Should().Equal(job.Id);
        client.GetJobCheckpoints(job.Id!, cancellationToken: _timeout.Token).Should().HaveCount(3);
    }

    private async Task<string> UploadProcessedAsync(FineTuningClient client)
    {
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile file = (await files.UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune, cancellationToken: _timeout.Token)).Value;
        return (await files.WaitForProcessedAsync(file.Id!, cancellationToken: _timeout.Token)).Value.Id!;
    }
}
