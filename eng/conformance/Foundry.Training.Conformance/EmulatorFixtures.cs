using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Conformance;

/// <summary>
/// The emulator the response direction checks, in this process on a <see cref="SteppingClock"/>, and the resources
/// each service's operations act on, made through clients of its own (so none of it passes through a proxy).
/// </summary>
internal sealed class EmulatorFixtures : IAsyncDisposable
{
    /// <summary>
    /// One emulator step. The clock only moves when the runner moves it; a step is short because the emulator's
    /// fine-tuning answers ask the SDK (in <c>retry-after-ms</c>) to wait one step of real time before polling again.
    /// </summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private const int TrainingSteps = 4;

    /// <summary>Enough steps for any job to finish: queued or validating, every training step, and one to spare.</summary>
    private static readonly TimeSpan s_toTheEnd = (TrainingSteps + 4) * Step;

    private static readonly byte[] s_chat = Encoding.UTF8.GetBytes(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"}]}\n" +
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Thanks\"},{\"role\":\"assistant\",\"content\":\"You're welcome.\"}]}\n");

    private static readonly byte[] s_preferences = Encoding.UTF8.GetBytes(
        "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]},\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"}],\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"What.\"}]}\n");

    private const string IngestionJob = "ingestion-fixture";

    private int _sequence;

    private EmulatorFixtures(SteppingClock clock, FoundryTrainingEmulator emulator)
    {
        Clock = clock;
        Emulator = emulator;
    }

    public SteppingClock Clock { get; }

    public FoundryTrainingEmulator Emulator { get; }

    public static EmulatorFixtures Start()
    {
        var clock = new SteppingClock();
        var options = new FoundryTrainingEmulatorOptions { TimeProvider = clock, StepInterval = Step, TrainingSteps = TrainingSteps };
        options.BaseModels.Add("gpt-35-turbo-0613"); // the Azure OpenAI swagger's examples fine-tune it
        return new EmulatorFixtures(clock, FoundryTrainingEmulator.Start(options));
    }

    /// <summary>Where a service's proxy forwards to: the spec's paths are relative to it.</summary>
    public Uri UpstreamOf(string service) =>
        service == ServiceNames.AzureOpenAI ? new Uri(Emulator.Endpoint.AbsoluteUri.TrimEnd('/') + "/openai") : Emulator.Endpoint;

    /// <summary>Lets time pass at a step per 20 ms while the result is not disposed.</summary>
    public IDisposable LetTimePass() => Clock.RunFreely(Step, TimeSpan.FromMilliseconds(20));

    public Task<Fixture> CreateAsync(string service, CancellationToken cancellationToken) => service switch
    {
        ServiceNames.Foundry => TrainingJobsAsync(cancellationToken),
        ServiceNames.AzureOpenAI => FineTuningAsync(Emulator.CreateAzureOpenAIClient(), "gpt-35-turbo-0613", azure: true, cancellationToken),
        _ => FineTuningAsync(Emulator.CreateOpenAIClient(), "gpt-4o-mini-2024-07-18", azure: false, cancellationToken),
    };

    /// <summary>An SFT recipe with LoRA and an evaluation dataset, as QuickStart trains.</summary>
    public static CommandJob Recipe(string computeId)
    {
        var recipe = new SftTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://datasets/support-chats-train/versions/1") { Eval = "azureai://datasets/support-chats-eval/versions/1" })
        {
            Lora = new TrainingLoraConfiguration(16) { Alpha = 32 },
            Eval = new TrainingEvalConfiguration { EveryNSteps = 2 },
        };
        return new CommandJob(computeId) { DisplayName = "conformance", Training = recipe };
    }

    private async Task<Fixture> TrainingJobsAsync(CancellationToken cancellationToken)
    {
        TrainingJobsClient jobs = Emulator.CreateTrainingJobsClient();
        var defaults = new Fixture();

        // The job most operations read: completed, on two nodes, with declared inputs besides the recipe's.
        CommandJob done = Recipe(defaults.ComputeId);
        done.Resources = new JobResourceConfiguration { InstanceCount = 2, InstanceType = "Standard_NC24ads_A100_v4" };
        done.Inputs["prompts"] = new JobInput(AssetTypes.UriFolder) { Uri = "azureai://datasets/prompts/versions/2", Mode = InputOutputModes.ReadOnlyMount };
        done.Inputs["seed"] = new JobInput(AssetTypes.Literal) { Value = "42" };
        await jobs.CreateAsync("conformance-done", done, cancellationToken).ConfigureAwait(false);

        // A cancel operation that completes, for the operation status and result routes.
        await jobs.CreateAsync("conformance-cancelled", Recipe(defaults.ComputeId), cancellationToken).ConfigureAwait(false);
        Clock.Advance(2 * Step);
        TrainingJobOperation cancel = await jobs.CancelAsync(WaitUntil.Started, "conformance-cancelled", cancellationToken).ConfigureAwait(false);
        Clock.Advance(s_toTheEnd);

        // A dataset whose version holds an uploaded file, and fresh versions to delete (made without the proxy).
        DatasetsClient datasets = Emulator.CreateDatasetsClient();
        string data = Path.Combine(Path.GetTempPath(), "conformance-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllBytesAsync(data, s_chat, cancellationToken).ConfigureAwait(false);
        try
        {
            await datasets.UploadFileAsync(defaults.DatasetName, data, defaults.DatasetVersion, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(data);
        }

        return new Fixture
        {
            IsEmulator = true,
            TrainingJob = "conformance-done",
            NewDatasetVersionAsync = async ct =>
            {
                string version = "delete-" + Interlocked.Increment(ref _sequence);
                await datasets.CreateOrUpdateVersionAsync(defaults.DatasetName, version, new FileDatasetVersion("https://account.blob.core.windows.net/conformance/train.jsonl"), ct).ConfigureAwait(false);
                return version;
            },
            OperationId = cancel.Id,
            NewTrainingJobAsync = async ct =>
            {
                string name = "conformance-" + Interlocked.Increment(ref _sequence);
                await jobs.CreateAsync(name, Recipe(defaults.ComputeId), ct).ConfigureAwait(false);
                Clock.Advance(2 * Step); // running
                return name;
            },
            LetTimePass = LetTimePass,
        };
    }

    private async Task<Fixture> FineTuningAsync(FineTuningClient client, string baseModel, bool azure, CancellationToken cancellationToken)
    {
        FineTuningFilesClient files = client.GetFilesClient();

        async Task<string> UploadAsync(byte[] content, string name, CancellationToken ct)
        {
            using var stream = new MemoryStream(content);
            return (await files.UploadAsync(stream, name, FilePurpose.FineTune, cancellationToken: ct).ConfigureAwait(false)).Value.Id!;
        }

        string trainingFile = await UploadAsync(s_chat, "train.jsonl", cancellationToken).ConfigureAwait(false);

        async Task<string> CreateJobAsync(CancellationToken ct) =>
            (await client.CreateJobAsync(new FineTuningJobCreateOptions(baseModel, trainingFile), ct).ConfigureAwait(false)).Value.Id!;

        string preferenceFile = await UploadAsync(s_preferences, "preferences.jsonl", cancellationToken).ConfigureAwait(false);
        Clock.Advance(3 * Step); // processed
        string succeeded = await CreateJobAsync(cancellationToken).ConfigureAwait(false);
        Clock.Advance(s_toTheEnd);
        string ingestionRun = azure ? await IngestionJobsAsync(client.GetIngestionJobsClient(), cancellationToken).ConfigureAwait(false) : "unused";

        return new Fixture
        {
            IsEmulator = true,
            FileId = trainingFile,
            PreferenceFileId = preferenceFile,
            JobId = succeeded,
            ModelId = baseModel,
            IngestionJobId = IngestionJob,
            IngestionRunId = ingestionRun,
            NewFileAsync = ct => UploadAsync(s_chat, "delete-me.jsonl", ct),
            NewRunningJobAsync = async ct =>
            {
                string id = await CreateJobAsync(ct).ConfigureAwait(false);
                Clock.Advance(3 * Step); // past validating (OpenAI) or pending (Azure OpenAI), and queued
                return id;
            },
            NewFinishedJobAsync = async ct =>
            {
                string id = await CreateJobAsync(ct).ConfigureAwait(false);
                await client.CancelJobAsync(id, ct).ConfigureAwait(false);
                return id;
            },
            NewPausedJobAsync = async ct =>
            {
                string id = await CreateJobAsync(ct).ConfigureAwait(false);
                Clock.Advance(3 * Step);
                if (!azure)
                {
                    await client.PauseJobAsync(id, ct).ConfigureAwait(false);
                }

                return id;
            },
            Checkpoint = azure ? "unused" : (await client.GetJobAsync(succeeded, cancellationToken).ConfigureAwait(false)).Value.FineTunedModel!,
            NewUploadAsync = async ct => (await files.CreateUploadAsync(UploadOptions(), ct).ConfigureAwait(false)).Value.Id,
            NewUploadWithPartAsync = async ct =>
            {
                string upload = (await files.CreateUploadAsync(UploadOptions(), ct).ConfigureAwait(false)).Value.Id;
                string part = (await files.AddUploadPartAsync(upload, new MemoryStream(new byte[Fixture.UploadBytes]), ct).ConfigureAwait(false)).Value.Id;
                return (upload, part);
            },
            NewPermissionAsync = async ct =>
            {
                string checkpoint = (await client.GetJobAsync(succeeded, ct).ConfigureAwait(false)).Value.FineTunedModel!;
                var permissions = await client.GetCheckpointPermissionsClient().CreatePermissionsAsync(checkpoint, new[] { "proj_" + Guid.NewGuid().ToString("N") }, ct).ConfigureAwait(false);
                return permissions.Value[0].Id;
            },
            LetTimePass = LetTimePass,
        };
    }

    private static FineTuningUploadCreateOptions UploadOptions() => new("parts.jsonl", FilePurpose.FineTune, Fixture.UploadBytes, "text/jsonl");

    /// <summary>
    /// A dozen hourly system-compute ingestion jobs, eleven hours on: two pages of jobs (the emulator's pages hold ten),
    /// and two of the first job's runs. Returns the id of that job's latest run.
    /// </summary>
    private async Task<string> IngestionJobsAsync(IngestionJobsClient ingestion, CancellationToken cancellationToken)
    {
        SystemComputeIngestionJob job = AzureOpenAIOperations.SystemComputeJob();
        job.DataRefreshIntervalInHours = 1;
        await ingestion.CreateJobAsync(IngestionJob, job, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (int i = 1; i < 12; i++)
        {
            await ingestion.CreateJobAsync($"{IngestionJob}-{i}", job, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        Clock.Advance(TimeSpan.FromHours(11) + s_toTheEnd);
        string? latest = null;
        await foreach (IngestionJobRun run in ingestion.GetRunsAsync(IngestionJob, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            latest = run.RunId;
        }

        return latest ?? throw new InvalidOperationException("The emulator's ingestion job has no run.");
    }

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync().ConfigureAwait(false);
}
