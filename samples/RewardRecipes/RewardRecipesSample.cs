using Azure.Identity;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Samples;

/// <summary>
/// Reinforcement learning with GRPO on Azure AI Foundry, rewarded by a composite of a builtin math checker and an LLM
/// judge deployment. First a recipe with typical mistakes: <c>Validate()</c> lists every problem with its JSON path
/// before anything is sent. Then the fixed recipe is submitted and trained to completion.
/// </summary>
public static class RewardRecipesSample
{
    public static async Task<int> RunAsync(RewardRecipesSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        // Your Foundry project when one is configured (signed in with DefaultAzureCredential), otherwise an emulator.
        await using FoundryTrainingEmulator? emulator = settings.ProjectEndpoint is null ? FoundryTrainingEmulator.Start() : null;
        TrainingJobsClient client = emulator?.CreateTrainingJobsClient()
            ?? new TrainingJobsClient(settings.ProjectEndpoint!, new DefaultAzureCredential());
        string? computeId = emulator is null ? settings.ComputeId : settings.ComputeId ?? "emulator-gpu-cluster";
        TimeSpan pollingInterval = emulator is null ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(250);
        output.WriteLine(emulator is null
            ? $"Target: Foundry project {client.Endpoint}"
            : $"Target: embedded emulator at {client.Endpoint} (set FOUNDRY_PROJECT_ENDPOINT to use your project)");
        if (computeId is null)
        {
            output.WriteLine("Set FOUNDRY_COMPUTE_ID to the compute to train on.");
            return 2;
        }

        // 1. The reward: 70 % a builtin checker of the final answer, 30 % an LLM judge grading the reasoning.
        var answerCheck = new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence);
        var judge = new TrainingDeploymentRewardConfiguration(deployment: "") // mistake: no judge deployment
        {
            Rubric = "Score from 0 to 1: is the reasoning correct, complete and concise?",
        };
        var reward = new TrainingCompositeRewardConfiguration(
        [
            new TrainingWeightedRewardConfiguration(answerCheck, weight: 0.7),
            new TrainingWeightedRewardConfiguration(judge, weight: 0.3),
        ]);

        // 2. The recipe, with the kind of mistakes that otherwise surface only when the service rejects the job.
        var recipe = new GrpoTrainingConfiguration(settings.BaseModel, new TrainingDatasetConfiguration(settings.TrainingData), reward)
        {
            Lora = new TrainingLoraConfiguration(rank: 0),                     // mistake: the rank must be positive
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm)
            {
                NumGenerations = 8,                                            // answers sampled per prompt, compared by GRPO
                GpuMemoryUtilization = 90,                                     // mistake: a fraction, not a percentage
            },
            Eval = new TrainingEvalConfiguration
            {
                Benchmark = TrainingEvalBenchmark.Gsm8k,
                Dataset = settings.TrainingData,                               // mistake: a benchmark or a dataset, not both
            },
            LearningRate = 1e-5,
        };
        var job = new CommandJob(computeId)
        {
            DisplayName = "RewardRecipes: GRPO with a composite reward",
            Command = "python train.py",                                       // mistake: the service writes the command for a recipe
            Training = recipe,
        };

        ModelValidationResult validation = job.Validate();
        output.WriteLine($"The recipe as written has {validation.Problems.Count} problems:");
        foreach (ValidationProblem problem in validation.Problems)
        {
            output.WriteLine($"  {problem.Path}: {problem.Message}");
        }

        // 3. Fix them. (CreateAsync validates too: it would have refused the broken job without sending it.)
        judge.Deployment = settings.JudgeDeployment;
        recipe.Lora.Rank = 16;
        recipe.Rollout.GpuMemoryUtilization = 0.9;
        recipe.Eval.Dataset = null;
        job.Command = null;
        output.WriteLine($"After the fixes: {job.Validate()}");

        // 4. Submit and wait for the job to finish.
        string name = $"reward-recipes-grpo-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await client.CreateAsync(name, job, cancellationToken);
        output.WriteLine($"Created training job {name}; waiting for it to finish...");
        TrainingJob finished = (await client.WaitForCompletionAsync(name, pollingInterval, cancellationToken)).Value;
        string? status = ((CommandJob)finished.Properties).Status;
        if (!TrainingJobStatus.IsSuccessful(status))
        {
            output.WriteLine($"The job ended {status}; its attempts and logs/ artifacts tell why.");
            return 1;
        }

        // 5. How the reward grew while the model learned.
        output.WriteLine($"The job {status}. Mean reward by step:");
        await foreach (JobMetricPoint point in client.GetMetricPointsAsync(name, TrainingJobsClient.LatestAttempt, "train/reward", cancellationToken: cancellationToken))
        {
            double value = point.Value ?? 0;
            output.WriteLine($"  step {point.Step,4}  {value:0.000}  {new string('#', (int)Math.Round(value * 40))}");
        }

        return 0;
    }
}
