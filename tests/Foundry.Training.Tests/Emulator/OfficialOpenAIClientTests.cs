using System.ClientModel;
using System.ClientModel.Primitives;
using Foundry.Training.Testing;
using OpenAI;
using OpenAI.Files;
using OpenAI.FineTuning;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The official OpenAI .NET library (<c>OpenAI</c> 2.15.0), which nobody here wrote, drives the whole fine-tuning flow
/// against the emulator's OpenAI routes: what it reads is what the OpenAI spec promises, so it fails where the emulator
/// strays from the spec (it once failed on the first upload, reading <c>created_at</c> with milliseconds).
/// </summary>
// OpenAI 2.15.0 marks its fine-tuning client and models experimental (OPENAI001): the test means to use exactly that
// surface, as a user of the official library would, so the diagnostic is off for this file only.
#pragma warning disable OPENAI001
public sealed class OfficialOpenAIClientTests : IDisposable
{
    private const string BaseModel = "gpt-4o-mini-2024-07-18";

    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
    {
        StepInterval = TimeSpan.FromMilliseconds(60),
        TrainingSteps = 6,
    });

    private readonly List<string> _steps = new();

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task TheWholeFineTuningFlow_Passes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        CancellationToken ct = timeout.Token;
        var client = new OpenAIClient(new ApiKeyCredential(_emulator.ApiKey.Key), new OpenAIClientOptions { Endpoint = _emulator.Endpoint });
        OpenAIFileClient files = client.GetOpenAIFileClient();
        FineTuningClient fineTuning = client.GetFineTuningClient();
        byte[] training = TrainingData.ChatJsonl(20);
        OpenAIFile file = null!;
        FineTuningJob supervised = null!, dpo = null!, plain = null!;

        await Step("upload", async () =>
        {
            file = (await files.UploadFileAsync(new MemoryStream(training), "train.jsonl", FileUploadPurpose.FineTune, ct)).Value;
            file.Id.Should().StartWith("file-");
            file.SizeInBytes.Should().Be(training.Length);
            file.Purpose.Should().Be(FilePurpose.FineTune);
            file.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        });
        await Step("list files with purpose", async () =>
        {
            await files.UploadFileAsync(BinaryData.FromString("{}"), "batch.jsonl", FileUploadPurpose.Batch);
            OpenAIFileCollection fineTuneFiles = (await files.GetFilesAsync(FilePurpose.FineTune, ct)).Value;
            fineTuneFiles.Select(f => f.Id).Should().Equal(file.Id);
        });
        await Step("wait for processed", async () =>
        {
            // The spec (and so the library) marks a file's status deprecated, but the platform and the emulator still
            // report processing through it, and a careful client waits for it.
#pragma warning disable CS0618
            while ((file = (await files.GetFileAsync(file.Id, ct)).Value).Status != FileStatus.Processed)
            {
                file.Status.Should().NotBe(FileStatus.Error);
                await Task.Delay(30, ct);
            }
#pragma warning restore CS0618
        });
        await Step("create supervised", async () =>
        {
            var options = new FineTuningOptions
            {
                TrainingMethod = FineTuningTrainingMethod.CreateSupervised(null, new HyperparameterEpochCount(2), null),
                Suffix = "official",
                ValidationFile = file.Id,
                Seed = 42,
            };
            options.Metadata["flow"] = "official-dotnet";
            supervised = await fineTuning.FineTuneAsync(BaseModel, file.Id, false, options, ct);
            supervised.JobId.Should().StartWith("ftjob-");
            supervised.Seed.Should().Be(42);
        });
        await Step("create DPO", async () =>
        {
            var options = new FineTuningOptions
            {
                TrainingMethod = FineTuningTrainingMethod.CreateDirectPreferenceOptimization(null, null, null, new HyperparameterBetaFactor(1)),
            };
            dpo = await fineTuning.FineTuneAsync(BaseModel, file.Id, false, options, ct);
            dpo.TrainingMethod.Should().NotBeNull();
        });
        await Step("create without a method", async () =>
        {
            plain = await fineTuning.FineTuneAsync(BaseModel, file.Id, false, null, ct);
            plain.Status.InProgress.Should().BeTrue();
        });
        await Step("paged list", async () =>
        {
            (List<FineTuningJob> jobs, int pages) = await ReadAllAsync(() => fineTuning.GetJobsAsync(new FineTuningJobCollectionOptions { PageSize = 2 }, ct));
            jobs.Select(j => j.JobId).Should().Equal(plain.JobId, dpo.JobId, supervised.JobId);
            pages.Should().Be(2);
        });
        await Step("get", async () =>
        {
            FineTuningJob again = await fineTuning.GetJobAsync(supervised.JobId, ct);
            again.BaseModel.Should().Be(BaseModel);
            again.TrainingFileId.Should().Be(file.Id);
            again.ValidationFileId.Should().Be(file.Id);
            again.Metadata.Should().Contain("flow", "official-dotnet");
        });
        await Step("rehydrate", async () =>
        {
            FineTuningJob rehydrated = await FineTuningJob.RehydrateAsync(fineTuning, supervised.RehydrationToken!, ct);
            rehydrated.JobId.Should().Be(supervised.JobId);
        });
        await Step("cancel", async () =>
        {
            await dpo.UpdateStatusAsync(ct);
            await dpo.CancelAndUpdateAsync(ct);
            dpo.Status.Should().Be(FineTuningStatus.Cancelled);
            (await fineTuning.GetJobAsync(dpo.JobId, ct)).Status.Should().Be(FineTuningStatus.Cancelled);
        });
        await Step("wait for completion", async () =>
        {
            await supervised.WaitForCompletionAsync(ct);
            supervised.Status.Should().Be(FineTuningStatus.Succeeded);

            // The library refreshes only the status while waiting: the finished job's other values come with a get.
            FineTuningJob done = await fineTuning.GetJobAsync(supervised.JobId, ct);
            done.ResultFileIds.Should().ContainSingle();

            // OpenAI 2.15.0 reads trained_tokens into its internal job model but leaves the public
            // BillableTrainedTokenCount at 0, so the count is checked in the body it read.
            using var body = System.Text.Json.JsonDocument.Parse(done.GetRawResponse().Content);
            body.RootElement.GetProperty("trained_tokens").GetInt32().Should().BePositive();
        });
        await Step("paged events", async () =>
        {
            (List<FineTuningEvent> events, int pages) = await ReadAllAsync(() => supervised.GetEventsAsync(new GetEventsOptions { PageSize = 5 }, ct));
            events.Should().OnlyContain(e => Math.Abs((e.CreatedAt - DateTimeOffset.UtcNow).TotalMinutes) < 1);
            List<string> messages = events.Select(e => e.Message).ToList();
            messages[0].Should().Be("The job has successfully completed");
            messages.Should().Contain(m => m.StartsWith("Step 6/6", StringComparison.Ordinal));
            pages.Should().BeGreaterThan(1);
        });
        await Step("checkpoints", async () =>
        {
            var checkpoints = new List<FineTuningCheckpoint>();
            await foreach (FineTuningCheckpoint checkpoint in supervised.GetCheckpointsAsync(cancellationToken: ct))
            {
                checkpoints.Add(checkpoint);
            }

            checkpoints.Select(c => c.StepNumber).Should().Equal(6, 4, 2);
            checkpoints[0].ModelId.Should().EndWith(":ckpt-step-6");
            checkpoints[0].Metrics.TrainLoss.Should().BePositive();
        });
        await Step("download", async () =>
        {
            BinaryData content = (await files.DownloadFileAsync(file.Id, ct)).Value;
            content.ToArray().Should().Equal(training);
        });
        await Step("delete", async () =>
        {
            FileDeletionResult deleted = (await files.DeleteFileAsync(file.Id, ct)).Value;
            deleted.Deleted.Should().BeTrue();
            deleted.FileId.Should().Be(file.Id);
            (await files.GetFilesAsync(FilePurpose.FineTune, ct)).Value.Should().BeEmpty();
        });

        _steps.Should().HaveCount(15);
        _emulator.Requests.Should().OnlyContain(r => r.Service == EmulatedService.OpenAI && r.StatusCode < 400);
    }

    /// <summary>Every item of a listing, and how many pages the library fetched for it.</summary>
    private static async Task<(List<T> Items, int Pages)> ReadAllAsync<T>(Func<AsyncCollectionResult<T>> list)
    {
        var items = new List<T>();
        await foreach (T item in list())
        {
            items.Add(item);
        }

        int pages = 0;
        await foreach (ClientResult page in list().GetRawPagesAsync())
        {
            pages++;
        }

        return (items, pages);
    }

    private async Task Step(string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Step {_steps.Count + 1} ({name}) failed: {ex.Message}", ex);
        }

        _steps.Add(name);
    }
}
