using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Training jobs the emulator tests create.</summary>
internal static class EmulatorJobs
{
    public const string Compute = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/gpu";

    /// <summary>An SFT recipe with LoRA and an evaluation every 2 steps.</summary>
    public static CommandJob SftWithLora(string? outcome = null)
    {
        var recipe = new SftTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://accounts/a/projects/p/data/train/versions/1"))
        {
            Lora = new TrainingLoraConfiguration(16) { Alpha = 32, TargetModules = "all-linear" },
            Eval = new TrainingEvalConfiguration { Dataset = "azureai://accounts/a/projects/p/data/eval/versions/1", EveryNSteps = 2 },
        };
        recipe.LearningRate = 0.0002;
        var job = new CommandJob(Compute) { DisplayName = "SFT with LoRA", Training = recipe };
        job.Tags["team"] = "emulator-tests";
        if (outcome is not null)
        {
            job.Tags["emulator.outcome"] = outcome;
        }

        return job;
    }

    /// <summary>A GRPO recipe with a builtin reward.</summary>
    public static CommandJob Grpo()
    {
        var recipe = new GrpoTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-1.5B/versions/1",
            new TrainingDatasetConfiguration("azureai://accounts/a/projects/p/data/math/versions/1"),
            new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence));
        return new CommandJob(Compute) { Training = recipe };
    }

    /// <summary>A plain command job, no recipe.</summary>
    public static CommandJob Command(string team = "a")
    {
        var job = new CommandJob(Compute) { Command = "python train.py", EnvironmentImageReference = "mcr.microsoft.com/azureml/curated/acpt:1" };
        job.Tags["team"] = team;
        return job;
    }
}
