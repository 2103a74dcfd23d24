using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Conformance;

/// <summary>
/// The calls each sample in samples/ makes, in its order and with its arguments, replayed through the proxy in front of
/// the emulator (the samples themselves start an emulator of their own or sign in to a real project, so they cannot be
/// pointed at a proxy). Response direction only: a mock's answers never finish a job.
/// </summary>
internal static class SampleFlows
{
    private const string FlowsNeedTheEmulator = "a mock's jobs never finish";
    private static readonly string[] s_responseOnly = { ServiceNames.Response };
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);
    private static int s_runs;

    public static IEnumerable<ConformanceOperation> For(string service) => service switch
    {
        ServiceNames.Foundry => new[] { QuickStart(), RewardRecipes(), WorkerService() },
        _ => new[] { OpenAIFineTuning(service == ServiceNames.AzureOpenAI ? "Files_Upload" : "createFile") },
    };

    private static ConformanceOperation Flow(string name, string firstOperation, OperationBody body, bool external = false) => new()
    {
        Name = "sample " + name,
        SpecOperation = firstOperation,
        Method = null,
        PathPattern = null,
        Directions = s_responseOnly,
        OneDirectionReason = FlowsNeedTheEmulator,
        AsyncOnly = true,
        AllowsExternal = external,
        Body = body,
    };

    private static string Name(string sample) => $"{sample}-{Interlocked.Increment(ref s_runs)}";

    /// <summary>samples/QuickStart: SFT with LoRA; watch it; latest attempt, last metric values, download the model, outputs.</summary>
    private static ConformanceOperation QuickStart() => Flow("QuickStart", "TrainingJobs_create", async (c, _, ct) =>
    {
        var recipe = new SftTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://accounts/my-account/projects/my-project/data/support-chats-train/versions/1"))
        {
            Lora = new TrainingLoraConfiguration(rank: 16) { Alpha = 32, Dropout = 0.05, TargetModules = "all-linear" },
            Eval = new TrainingEvalConfiguration { Dataset = "azureai://accounts/my-account/projects/my-project/data/support-chats-eval/versions/1", EveryNSteps = 50 },
            NumTrainEpochs = 3,
            LearningRate = 2e-4,
        };
        string name = Name("quickstart-sft");
        await c.Jobs.CreateAsync(name, new CommandJob(c.Fixture.ComputeId) { DisplayName = "QuickStart: SFT with LoRA", Training = recipe }, ct);

        int updates = 0;
        using (c.Fixture.LetTimePass())
        {
            await foreach (TrainingJobUpdate update in c.Jobs.WatchAsync(name, s_poll, ct))
            {
                updates++;
            }
        }

        JobAttempt attempt = (await c.Jobs.GetAttemptAsync(name, TrainingJobsClient.LatestAttempt, ct)).Value;
        int lastValues = await c.Jobs.GetMetricLastValuesAsync(name, attempt.Id, ct).CountAsync(ct);
        string folder = Path.Combine(c.WorkDirectory, name);
        IReadOnlyList<DownloadedArtifact> files = await c.Jobs.DownloadArtifactsAsync(name, attempt.Id, folder, pathPrefix: "outputs/", cancellationToken: ct);
        int outputs = await c.Jobs.GetOutputsAsync(name, ct).CountAsync(ct);
        return $"{updates} update(s), {lastValues} last value(s), {files.Count} file(s), {outputs} output(s)";
    }, external: true);

    /// <summary>samples/RewardRecipes: a validated GRPO recipe with a composite reward; wait; the reward by step.</summary>
    private static ConformanceOperation RewardRecipes() => Flow("RewardRecipes", "TrainingJobs_create", async (c, _, ct) =>
    {
        var reward = new TrainingCompositeRewardConfiguration(new[]
        {
            new TrainingWeightedRewardConfiguration(new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence), weight: 0.7),
            new TrainingWeightedRewardConfiguration(new TrainingDeploymentRewardConfiguration("gpt-4o-judge") { Rubric = "Score from 0 to 1: is the reasoning correct, complete and concise?" }, weight: 0.3),
        });
        var recipe = new GrpoTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-Math-1.5B-Instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://accounts/my-account/projects/my-project/data/gsm8k-train/versions/1"),
            reward)
        {
            Lora = new TrainingLoraConfiguration(rank: 16),
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm) { NumGenerations = 8, GpuMemoryUtilization = 0.9 },
            Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Gsm8k },
            LearningRate = 1e-5,
        };
        string name = Name("reward-recipes-grpo");
        await c.Jobs.CreateAsync(name, new CommandJob(c.Fixture.ComputeId) { DisplayName = "RewardRecipes: GRPO with a composite reward", Training = recipe }, ct);
        TrainingJob finished;
        using (c.Fixture.LetTimePass())
        {
            finished = (await c.Jobs.WaitForCompletionAsync(name, s_poll, ct)).Value;
        }

        int points = await c.Jobs.GetMetricPointsAsync(name, TrainingJobsClient.LatestAttempt, "train/reward", cancellationToken: ct).CountAsync(ct);
        return $"{((CommandJob)finished.Properties).Status}, {points} reward point(s)";
    });

    /// <summary>samples/WorkerService: submit SFT with LoRA from a hosted worker, then watch it to the end.</summary>
    private static ConformanceOperation WorkerService() => Flow("WorkerService", "TrainingJobs_create", async (c, _, ct) =>
    {
        var recipe = new SftTrainingConfiguration(
            "azureai://registries/azureml/models/Phi-4-mini-instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://accounts/my-account/projects/my-project/data/support-chats-train/versions/1"))
        {
            Lora = new TrainingLoraConfiguration(rank: 8),
        };
        string name = Name("worker-sft");
        await c.Jobs.CreateAsync(name, new CommandJob(c.Fixture.ComputeId) { Training = recipe }, ct);
        string? status = null;
        using (c.Fixture.LetTimePass())
        {
            await foreach (TrainingJobUpdate update in c.Jobs.WatchAsync(name, s_poll, ct))
            {
                status = update.Kind == TrainingJobUpdateKind.StatusChanged ? update.Status : status;
            }
        }

        return "ended " + status;
    });

    /// <summary>
    /// samples/OpenAIFineTuning: validate and upload a preference file, wait until it is processed, create a DPO job,
    /// read its events until it finishes, list its checkpoints.
    /// </summary>
    private static ConformanceOperation OpenAIFineTuning(string firstOperation) => Flow("OpenAIFineTuning", firstOperation, async (c, _, ct) =>
    {
        string path = Path.Combine(c.WorkDirectory, Name("support-tone") + ".preferences.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(1, 10).Select(PreferenceLine), ct);
        TrainingFileValidationResult validation = await new TrainingFileValidator().ValidateAsync(path, TrainingFileFormat.Preference, ct);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("the sample's preference file is not valid: " + validation);
        }

        FineTuningFilesClient files = c.Files;
        long reported = 0;
        FineTuningFile file = (await files.UploadAsync(path, FilePurpose.FineTune, new Progress(sent => reported = sent), ct)).Value;
        var options = new FineTuningJobCreateOptions(c.Fixture.ModelId, file.Id!)
        {
            Method = FineTuningMethod.CreateDpo(new DpoHyperparameters { Beta = 0.1, EpochCount = 2 }),
            Suffix = "support-tone",
        };
        options.Metadata["sample"] = "OpenAIFineTuning";
        FineTuningJob job;
        int events = 0;
        int checkpoints;
        using (c.Fixture.LetTimePass())
        {
            file = (await files.WaitForProcessedAsync(file.Id!, s_poll, ct)).Value;
            job = (await c.Client.CreateJobAsync(options, ct)).Value;
            Task<Response<FineTuningJob>> completion = c.Client.WaitForCompletionAsync(job.Id!, cancellationToken: ct);
            var seen = new HashSet<string?>();
            while (true)
            {
                bool last = completion.IsCompleted;
                await foreach (FineTuningJobEvent jobEvent in c.Client.GetJobEventsAsync(job.Id!, cancellationToken: ct))
                {
                    if (!seen.Add(jobEvent.Id))
                    {
                        break;
                    }

                    events++;
                }

                if (last)
                {
                    break;
                }

                await Task.WhenAny(completion, Task.Delay(s_poll, ct));
            }

            job = (await completion).Value;
        }

        checkpoints = await c.Client.GetJobCheckpointsAsync(job.Id!, cancellationToken: ct).CountAsync(ct);
        return $"{reported} byte(s) uploaded, job {job.Status}, {events} event(s), {checkpoints} checkpoint(s)";
    });

    private static string PreferenceLine(int i) => JsonSerializer.Serialize(new
    {
        input = new { messages = new[] { new { role = "user", content = $"Question {i}?" } } },
        preferred_output = new[] { new { role = "assistant", content = $"A friendly, helpful answer to question {i}." } },
        non_preferred_output = new[] { new { role = "assistant", content = "No." } },
    });

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
