using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Cli.Targets;

/// <summary>
/// The embedded emulator behind <c>--emulator</c>: a <see cref="FoundryTrainingEmulator"/> that lives as long as the
/// command, seeded so that reading commands have something to read. Foundry has a completed, a failed and a running job
/// under fixed names; Azure OpenAI and OpenAI each have a processed training file and a succeeded fine-tuning job.
/// </summary>
internal sealed class DemoEmulator : IAsyncDisposable
{
    /// <summary>A completed SFT job with LoRA and evaluation: metrics, checkpoints, an adapter and outputs.</summary>
    public const string CompletedJob = "sft-qwen-demo";

    /// <summary>A DPO job that failed halfway (its attempt carries the error).</summary>
    public const string FailedJob = "dpo-demo-failed";

    /// <summary>A GRPO job that has just started training when the command starts, so that <c>jobs watch</c> has something to show.</summary>
    public const string RunningJob = "grpo-math-demo";

    /// <summary>The base model of the seeded fine-tuning jobs.</summary>
    public const string FineTuningBaseModel = "gpt-4.1-mini-2025-04-14";

    /// <summary>For people at a terminal: a created job trains 20 steps of 0.4 s, about 9 seconds in all.</summary>
    public static readonly DemoEmulatorSettings Interactive = new(TimeSpan.FromMilliseconds(400), TrainingSteps: 20);

    private DemoEmulator(FoundryTrainingEmulator emulator, DemoEmulatorSettings settings)
    {
        Emulator = emulator;
        Settings = settings;
    }

    public FoundryTrainingEmulator Emulator { get; }

    public DemoEmulatorSettings Settings { get; }

    /// <summary>Starts an emulator and seeds all three services (a few milliseconds of loopback requests).</summary>
    public static async Task<DemoEmulator> StartAsync(DemoEmulatorSettings settings, CancellationToken cancellationToken)
    {
        // Finished jobs are created long enough ago to have run their course (2 queued steps, training, margin).
        var clock = new SeedClock(behind: settings.StepInterval * (settings.TrainingSteps + 6));
        FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
        {
            StepInterval = settings.StepInterval,
            TrainingSteps = settings.TrainingSteps,
            TimeProvider = clock,
        });
        try
        {
            TrainingJobsClient jobs = emulator.CreateTrainingJobsClient();
            await jobs.CreateAsync(CompletedJob, SftJob(), cancellationToken).ConfigureAwait(false);
            await jobs.CreateAsync(FailedJob, FailingDpoJob(), cancellationToken).ConfigureAwait(false);
            await SeedFineTuningAsync(emulator.CreateOpenAIClient(), cancellationToken).ConfigureAwait(false);
            await SeedFineTuningAsync(emulator.CreateAzureOpenAIClient(), cancellationToken).ConfigureAwait(false);

            // The running job has been queued (2 steps) and trained one step when the command starts.
            clock.SetBehind(settings.StepInterval * 3);
            await jobs.CreateAsync(RunningJob, GrpoJob(), cancellationToken).ConfigureAwait(false);
            clock.SetBehind(TimeSpan.Zero);
            return new DemoEmulator(emulator, settings);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    private static CommandJob SftJob()
    {
        var recipe = new SftTrainingConfiguration("Qwen/Qwen2.5-7B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/support-chat/versions/1"))
        {
            Lora = new TrainingLoraConfiguration(rank: 16),
            Eval = new TrainingEvalConfiguration { Dataset = "azureai://datasets/support-chat-eval/versions/1", EveryNSteps = 5 },
            LearningRate = 2e-4,
            NumTrainEpochs = 3,
        };
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe, DisplayName = "SFT Qwen2.5-7B with LoRA" };
        job.Tags["team"] = "demo";
        return job;
    }

    private static CommandJob FailingDpoJob()
    {
        var recipe = new DpoTrainingConfiguration("Qwen/Qwen2.5-7B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/support-preferences/versions/1"));
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe, DisplayName = "DPO that fails halfway" };
        job.Tags["team"] = "demo";
        job.Tags[FoundryTrainingEmulatorOptions.OutcomeTag] = "failed";
        return job;
    }

    private static CommandJob GrpoJob()
    {
        var reward = new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence);
        var recipe = new GrpoTrainingConfiguration("Qwen/Qwen2.5-Math-1.5B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/gsm8k/versions/1"), reward)
        {
            LearningRate = 1e-6,
        };
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe, DisplayName = "GRPO on grade-school math" };
        job.Tags["team"] = "demo";
        return job;
    }

    private static async Task SeedFineTuningAsync(FineTuningClient client, CancellationToken cancellationToken)
    {
        using var file = new MemoryStream(DemoTrainingFile.Utf8());
        Response<FineTuningFile> uploaded = await client.GetFilesClient().UploadAsync(file, "support-chat.jsonl", FilePurpose.FineTune, cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new FineTuningJobCreateOptions(FineTuningBaseModel, uploaded.Value.Id) { Suffix = "demo" };
        await client.CreateJobAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
