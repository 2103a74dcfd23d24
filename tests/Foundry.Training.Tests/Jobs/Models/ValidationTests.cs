using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

public class ValidationTests
{
    private static CommandJob CommandOnly() => new("compute") { Command = "python train.py", EnvironmentImageReference = "env:1" };

    private static GrpoTrainingConfiguration Grpo(TrainingRewardConfiguration? reward = null) =>
        new("m", new TrainingDatasetConfiguration("t"), reward ?? new TrainingModelRewardConfiguration("rm"))
        {
            Lora = new TrainingLoraConfiguration(8),
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm) { GpuMemoryUtilization = 0.9 },
            Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Gsm8k },
        };

    private static CommandJob Training(TrainingConfiguration training) => new("compute") { Training = training };

    private static string[] Paths(ModelValidationResult result) => result.Problems.Select(p => p.Path).ToArray();

    [Fact]
    public void ValidJobs_HaveNoProblems()
    {
        CommandOnly().Validate().IsValid.Should().BeTrue();
        Training(Grpo()).Validate().IsValid.Should().BeTrue();
        Training(Grpo()).Validate().Problems.Should().BeEmpty();
        Training(Grpo()).Validate().ToString().Should().Be("Valid.");
    }

    [Fact]
    public void Command_RequiredWithoutTraining()
    {
        CommandJob job = CommandOnly();
        job.Command = null;
        Paths(job.Validate()).Should().Equal("$.command");
        job.Command = " ";
        Paths(job.Validate()).Should().Equal("$.command");
    }

    [Fact]
    public void Command_ForbiddenWithTraining()
    {
        CommandJob job = Training(Grpo());
        job.Command = "python train.py";
        job.Validate().Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Path == "$.command" && p.Message.Contains("omitted"));
        job.Command = null;
        job.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void EnvironmentImageReference_RequiredOnlyWithoutTraining()
    {
        CommandJob job = CommandOnly();
        job.EnvironmentImageReference = null;
        Paths(job.Validate()).Should().Equal("$.environment_image_reference");

        CommandJob training = Training(Grpo());
        training.EnvironmentImageReference.Should().BeNull();
        training.Validate().IsValid.Should().BeTrue();
        training.EnvironmentImageReference = "custom:1";
        training.Validate().IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void ComputeId_Required(string? computeId)
    {
        CommandJob job = CommandOnly();
        job.ComputeId = computeId!;
        Paths(job.Validate()).Should().Equal("$.compute_id");
    }

    [Fact]
    public void EvalBenchmarkAndDataset_AreMutuallyExclusive()
    {
        GrpoTrainingConfiguration grpo = Grpo();
        grpo.Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Mmlu, Dataset = "azureai://data/eval" };
        Paths(Training(grpo).Validate()).Should().Equal("$.training.eval");
        Paths(grpo.Validate()).Should().Equal("$.eval");

        grpo.Eval.Benchmark = null;
        grpo.Validate().IsValid.Should().BeTrue();
        grpo.Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Mmlu };
        grpo.Validate().IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(0.9, true)]
    [InlineData(1.01, false)]
    [InlineData(-0.1, false)]
    [InlineData(double.NaN, false)]
    public void RolloutGpuMemoryUtilization_IsBetweenZeroAndOne(double value, bool valid)
    {
        GrpoTrainingConfiguration grpo = Grpo();
        grpo.Rollout!.GpuMemoryUtilization = value;
        Paths(Training(grpo).Validate()).Should().Equal(valid ? Array.Empty<string>() : new[] { "$.training.rollout.gpu_memory_utilization" });
    }

    [Fact]
    public void RolloutEngine_Required()
    {
        GrpoTrainingConfiguration grpo = Grpo();
        grpo.Rollout!.Engine = default;
        Paths(grpo.Validate()).Should().Equal("$.rollout.engine");
    }

    [Theory]
    [InlineData("uri_file")]
    [InlineData("uri_folder")]
    [InlineData("safetensors_model")]
    public void InputUri_RequiredForAssetInputs(string type)
    {
        CommandJob job = CommandOnly();
        job.Inputs["data"] = new JobInput(type);
        job.Validate().Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Path == "$.inputs.data.uri" && p.Message.Contains(type));
        job.Inputs["data"].Uri = "azureai://datastores/s/paths/p";
        job.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void InputValue_RequiredForLiteralInputs()
    {
        CommandJob job = CommandOnly();
        job.Inputs["lr"] = new JobInput(AssetTypes.Literal);
        Paths(job.Validate()).Should().Equal("$.inputs.lr.value");
        job.Inputs["lr"].Value = "";
        job.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void Inputs_MissingTypeOrNullEntry_AreReported_AndUnknownTypesPass()
    {
        CommandJob job = CommandOnly();
        job.Inputs["my data"] = JobsJson.Read<JobInput>("""{"uri":"u"}""");
        job.Inputs["none"] = null!;
        job.Inputs["future"] = new JobInput("mltable");
        Paths(job.Validate()).Should().Equal("$.inputs['my data'].job_input_type", "$.inputs.none");
    }

    [Fact]
    public void LiteralOutputs_AreNotAllowed()
    {
        CommandJob job = CommandOnly();
        job.Outputs["model"] = new JobOutput(AssetTypes.Literal);
        Paths(job.Validate()).Should().Equal("$.outputs.model.job_output_type");
        job.Outputs["model"] = new JobOutput(AssetTypes.UriFolder);
        job.Validate().IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("2g", true)]
    [InlineData("512m", true)]
    [InlineData("1b", true)]
    [InlineData("10k", true)]
    [InlineData("2G", true)]
    [InlineData("0g", false)]
    [InlineData("00m", false)]
    [InlineData("2", false)]
    [InlineData("g", false)]
    [InlineData("2gb", false)]
    [InlineData("-1g", false)]
    [InlineData("1.5g", false)]
    [InlineData("", false)]
    public void ShmSize_HasNumberAndUnit(string shmSize, bool valid)
    {
        CommandJob job = CommandOnly();
        job.Resources = new JobResourceConfiguration { ShmSize = shmSize };
        Paths(job.Validate()).Should().Equal(valid ? Array.Empty<string>() : new[] { "$.resources.shm_size" });
    }

    [Fact]
    public void CompositeRewards_MustNotBeEmpty_AtAnyDepth()
    {
        var empty = new TrainingCompositeRewardConfiguration(Array.Empty<TrainingWeightedRewardConfiguration>());
        Paths(Training(Grpo(empty)).Validate()).Should().Equal("$.training.reward.rewards");

        var nested = new TrainingCompositeRewardConfiguration(new[]
        {
            new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("rm")),
            new TrainingWeightedRewardConfiguration(new TrainingCompositeRewardConfiguration(Array.Empty<TrainingWeightedRewardConfiguration>())),
            new TrainingWeightedRewardConfiguration(new TrainingCompositeRewardConfiguration(new[]
            {
                new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("")),
                new TrainingWeightedRewardConfiguration(TrainingModelFactory.UnknownTrainingRewardConfiguration("oracle")),
            })),
        });
        Paths(Training(Grpo(nested)).Validate()).Should().Equal(
            "$.training.reward.rewards[1].reward.rewards",
            "$.training.reward.rewards[2].reward.rewards[0].reward.model");

        var valid = new TrainingCompositeRewardConfiguration(new[] { new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("rm"), 2) });
        Training(Grpo(valid)).Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void CompositeRewards_NullItemsAndRewardsAreReported()
    {
        var composite = new TrainingCompositeRewardConfiguration(new[] { new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("rm")) });
        composite.Rewards.Add(null!);
        composite.Rewards[0].Reward = null!;
        Paths(Grpo(composite).Validate()).Should().Equal("$.reward.rewards[0].reward", "$.reward.rewards[1]");
    }

    [Fact]
    public void CompositeReward_ContainingItself_IsReportedNotRecursedForever()
    {
        var composite = new TrainingCompositeRewardConfiguration(new[] { new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("rm")) });
        composite.Rewards.Add(new TrainingWeightedRewardConfiguration(composite));
        Paths(Grpo(composite).Validate()).Should().Equal("$.reward.rewards[1].reward");
    }

    public static TheoryData<ReinforcementTrainingConfiguration> ReinforcementRecipes => new()
    {
        new GrpoTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingModelRewardConfiguration("rm")),
        new PpoTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingModelRewardConfiguration("rm")),
        new RlooTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingModelRewardConfiguration("rm")),
        new ReinforcePpTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingModelRewardConfiguration("rm")),
    };

    [Theory]
    [MemberData(nameof(ReinforcementRecipes))]
    public void Reward_RequiredForReinforcementRecipes(ReinforcementTrainingConfiguration recipe)
    {
        recipe.Validate().IsValid.Should().BeTrue();
        recipe.Reward = null!;
        recipe.Validate().Problems.Should().ContainSingle()
            .Which.Should().Match<ValidationProblem>(p => p.Path == "$.reward" && p.Message.Contains(recipe.Algorithm.ToString()!));
    }

    [Fact]
    public void Reward_RequiredWhenReadFromJsonWithoutOne() =>
        Paths(JobsJson.Read<TrainingConfiguration>("""{"algorithm":"rloo","model":"m","dataset":{"train":"t"}}""").Validate()).Should().Equal("$.reward");

    [Theory]
    [InlineData(0, false)]
    [InlineData(-4, false)]
    [InlineData(1, true)]
    public void LoraRank_IsPositive(int rank, bool valid)
    {
        var sft = new SftTrainingConfiguration("m", new TrainingDatasetConfiguration("t")) { Lora = new TrainingLoraConfiguration(rank) };
        Paths(Training(sft).Validate()).Should().Equal(valid ? Array.Empty<string>() : new[] { "$.training.lora.rank" });
    }

    [Fact]
    public void ModelAndTrainDataset_AreRequiredNonEmpty()
    {
        var dpo = new DpoTrainingConfiguration("", new TrainingDatasetConfiguration(" "));
        Paths(Training(dpo).Validate()).Should().Equal("$.training.model", "$.training.dataset.train");
        dpo.Dataset = null!;
        Paths(dpo.Validate()).Should().Equal("$.model", "$.dataset");
        dpo.Model = "m";
        dpo.Dataset = new TrainingDatasetConfiguration("t");
        dpo.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void RewardKinds_RequiredFields()
    {
        TrainingRewardConfiguration[] rewards =
        {
            new TrainingModelRewardConfiguration(" "),
            new TrainingFunctionRewardConfiguration(new TrainingEntryPointReference("")),
            new TrainingInlineFunctionRewardConfiguration(new TrainingInlineFunctionConfiguration("")),
            new TrainingBuiltinRewardConfiguration(default),
            new TrainingEvaluatorRewardConfiguration(""),
            new TrainingDeploymentRewardConfiguration(""),
        };
        string[] expected =
        {
            "$.reward.model", "$.reward.function.entry_point", "$.reward.inline_function.def", "$.reward.type", "$.reward.evaluator", "$.reward.deployment",
        };
        for (int i = 0; i < rewards.Length; i++)
        {
            Paths(Grpo(rewards[i]).Validate()).Should().Equal(expected[i]);
        }

        Paths(Grpo(JobsJson.Read<TrainingRewardConfiguration>("""{"kind":"function"}""")).Validate()).Should().Equal("$.reward.function");
        Paths(Grpo(JobsJson.Read<TrainingRewardConfiguration>("""{"kind":"inline_function"}""")).Validate()).Should().Equal("$.reward.inline_function");
        Grpo(new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.UnitTests)).Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void UnknownRecipe_ChecksTheCommonFieldsOnly()
    {
        JobsJson.Read<TrainingConfiguration>("""{"algorithm":"dapo","model":"m","dataset":{"train":"t"},"lora":{"rank":0}}""").Validate().IsValid.Should().BeTrue();
        Paths(JobsJson.Read<TrainingConfiguration>("""{"model":"m","dataset":{"train":"t"}}""").Validate()).Should().Equal("$.algorithm");
    }

    [Fact]
    public void EveryProblem_IsReported()
    {
        GrpoTrainingConfiguration grpo = Grpo(new TrainingCompositeRewardConfiguration(Array.Empty<TrainingWeightedRewardConfiguration>()));
        grpo.Model = "";
        grpo.Lora!.Rank = 0;
        grpo.Rollout!.GpuMemoryUtilization = 2;
        grpo.Eval!.Dataset = "e";
        var job = new CommandJob("") { Training = grpo, Command = "run", Resources = new JobResourceConfiguration { ShmSize = "lots" } };
        job.Inputs["data"] = new JobInput(AssetTypes.UriFolder);
        job.Outputs["out"] = new JobOutput(AssetTypes.Literal);

        Paths(job.Validate()).Should().Equal(
            "$.command",
            "$.training.model",
            "$.training.reward.rewards",
            "$.training.lora.rank",
            "$.training.eval",
            "$.training.rollout.gpu_memory_utilization",
            "$.compute_id",
            "$.inputs.data.uri",
            "$.outputs.out.job_output_type",
            "$.resources.shm_size");
    }

    [Fact]
    public void EnsureValid_ThrowsArgumentExceptionListingEveryProblem()
    {
        var job = new CommandJob("") { Command = "run" };
        job.Invoking(j => j.EnsureValid()).Should().Throw<ArgumentException>()
            .WithMessage("The CommandJob is not valid (2 problems):*$.environment_image_reference: Required when training is not set.*$.compute_id: Required; must not be empty.*")
            .Which.ParamName.Should().BeNull();
        job.Invoking(j => j.EnsureValid("properties")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("properties");

        var sft = new SftTrainingConfiguration("", new TrainingDatasetConfiguration("t"));
        sft.Invoking(s => s.EnsureValid()).Should().Throw<ArgumentException>().WithMessage("The SftTrainingConfiguration is not valid (1 problem):*$.model:*");
        sft.Invoking(s => s.EnsureValid("training")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("training");

        CommandOnly().EnsureValid();
        Grpo().EnsureValid();
    }

    [Fact]
    public void ValidationResultTypes_CanBeBuiltForMocks()
    {
        var result = new ModelValidationResult(new[] { new ValidationProblem("$.a", "Bad.") });
        result.IsValid.Should().BeFalse();
        result.ToString().Should().Be("$.a: Bad.");
        new ModelValidationResult(Array.Empty<ValidationProblem>()).IsValid.Should().BeTrue();
        ((Action)(() => new ModelValidationResult(null!))).Should().Throw<ArgumentNullException>().WithParameterName("problems");
        ((Action)(() => new ModelValidationResult(new ValidationProblem[] { null! }))).Should().Throw<ArgumentNullException>().WithParameterName("problems");
        ((Action)(() => new ValidationProblem(null!, "m"))).Should().Throw<ArgumentNullException>().WithParameterName("path");
        ((Action)(() => new ValidationProblem("$", null!))).Should().Throw<ArgumentNullException>().WithParameterName("message");
    }
}
