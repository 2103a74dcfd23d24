using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

public class RecipeTests
{
    private const string Dataset = """{"train":"azureai://data/train/versions/1"}""";
    private const string Lora = """{"rank":8,"alpha":16,"dropout":0.1,"target_modules":"q_proj,v_proj","quantize":false}""";
    private const string Eval = """{"dataset":"azureai://data/eval/versions/1","every_n_steps":50}""";

    [Fact]
    public void Sft_RoundTripsEveryPropertyTyped()
    {
        const string json = """
            {
              "algorithm": "sft", "framework": "trl", "resolved_framework": "trl", "framework_version": "0.21.0",
              "model": "azureai://registries/azureml/models/phi/versions/3",
              "dataset": {
                "train": "azureai://data/train/versions/1", "eval": "azureai://data/eval/versions/1",
                "columns": { "prompt": "p", "chosen": "c", "rejected": "r", "reference": "ref", "messages": "m", "response": "resp", "label": "l", "score": "s" },
                "data_format": { "chat_template": "llama_3", "chat_template_path": "templates/chat.jinja" }
              },
              "hyperparameters": { "learning_rate": 2e-5, "lr_scheduler_type": "cosine" },
              "lora": { "rank": 8, "alpha": 16, "dropout": 0.1, "target_modules": "q_proj,v_proj", "quantize": false },
              "eval": { "benchmark": "mmlu", "every_n_steps": 50 }
            }
            """;
        var sft = JobsJson.RoundTrip<TrainingConfiguration>(json).Should().BeOfType<SftTrainingConfiguration>().Subject;

        sft.Algorithm.Should().Be(TrainingAlgorithm.Sft);
        sft.Framework.Should().Be(TrainingFramework.Trl);
        sft.ResolvedFramework.Should().Be(TrainingFramework.Trl);
        sft.FrameworkVersion.Should().Be("0.21.0");
        sft.Model.Should().Be("azureai://registries/azureml/models/phi/versions/3");
        sft.Dataset.Train.Should().Be("azureai://data/train/versions/1");
        sft.Dataset.Eval.Should().Be("azureai://data/eval/versions/1");
        TrainingColumnMapping columns = sft.Dataset.Columns!;
        new[] { columns.Prompt, columns.Chosen, columns.Rejected, columns.Reference, columns.Messages, columns.Response, columns.Label, columns.Score }
            .Should().Equal("p", "c", "r", "ref", "m", "resp", "l", "s");
        sft.Dataset.DataFormat!.ChatTemplate.Should().Be(ChatTemplate.Llama3);
        sft.Dataset.DataFormat.ChatTemplatePath.Should().Be("templates/chat.jinja");
        sft.LearningRate.Should().Be(2e-5);
        sft.Hyperparameters["lr_scheduler_type"]!.GetValue<string>().Should().Be("cosine");
        sft.Lora!.Rank.Should().Be(8);
        sft.Lora.Alpha.Should().Be(16);
        sft.Lora.Dropout.Should().Be(0.1);
        sft.Lora.TargetModules.Should().Be("q_proj,v_proj");
        sft.Lora.Quantize.Should().BeFalse();
        sft.Eval!.Benchmark.Should().Be(TrainingEvalBenchmark.Mmlu);
        sft.Eval.EveryNSteps.Should().Be(50);
    }

    [Fact]
    public void Grpo_RoundTripsRewardAndRolloutTyped()
    {
        const string json = """
            {
              "algorithm": "grpo", "model": "m", "dataset": { "train": "t" },
              "reward": { "kind": "model", "model": "azureai://models/rm/versions/1" },
              "rollout": {
                "engine": "sglang", "num_generations": 8, "max_prompt_length": 512, "max_completion_length": 1024, "temperature": 0.7,
                "top_p": 0.95, "stop": ["</answer>", "\n\n"], "batch_size": 64, "seed": 42, "tensor_parallel_size": 1, "gpu_memory_utilization": 0.85
              },
              "lora": { "rank": 32 },
              "eval": { "benchmark": "gsm8k" }
            }
            """;
        var grpo = JobsJson.RoundTrip<TrainingConfiguration>(json).Should().BeOfType<GrpoTrainingConfiguration>().Subject;

        grpo.Reward.Should().BeOfType<TrainingModelRewardConfiguration>().Which.Model.Should().Be("azureai://models/rm/versions/1");
        TrainingRolloutConfiguration rollout = grpo.Rollout!;
        rollout.Engine.Should().Be(TrainingRolloutEngine.SGLang);
        rollout.NumGenerations.Should().Be(8);
        rollout.MaxPromptLength.Should().Be(512);
        rollout.MaxCompletionLength.Should().Be(1024);
        rollout.Temperature.Should().Be(0.7);
        rollout.TopP.Should().Be(0.95);
        rollout.Stop.Should().Equal("</answer>", "\n\n");
        rollout.BatchSize.Should().Be(64);
        rollout.Seed.Should().Be(42);
        rollout.TensorParallelSize.Should().Be(1);
        rollout.GpuMemoryUtilization.Should().Be(0.85);
        grpo.Lora!.Rank.Should().Be(32);
        grpo.Eval!.Benchmark.Should().Be(TrainingEvalBenchmark.Gsm8k);
    }

    public static TheoryData<string, Type> LoraEvalRecipes => new()
    {
        { "sft", typeof(SftTrainingConfiguration) },
        { "dpo", typeof(DpoTrainingConfiguration) },
        { "kto", typeof(KtoTrainingConfiguration) },
        { "orpo", typeof(OrpoTrainingConfiguration) },
        { "cpo", typeof(CpoTrainingConfiguration) },
        { "simpo", typeof(SimPoTrainingConfiguration) },
        { "reward_model", typeof(RewardModelTrainingConfiguration) },
    };

    [Theory]
    [MemberData(nameof(LoraEvalRecipes))]
    public void LoraEvalRecipes_RoundTrip(string algorithm, Type type)
    {
        string json = $$"""{"model":"m","algorithm":"{{algorithm}}","dataset":{{Dataset}},"lora":{{Lora}},"eval":{{Eval}},"future":{"x":1} }""";
        TrainingConfiguration recipe = JobsJson.RoundTrip<TrainingConfiguration>(json);

        recipe.Should().BeOfType(type);
        recipe.Algorithm.Should().Be(new TrainingAlgorithm(algorithm));
        recipe.AdditionalProperties.Should().ContainKey("future").And.NotContainKey("algorithm");
        (TrainingLoraConfiguration? lora, TrainingEvalConfiguration? eval) = recipe switch
        {
            SftTrainingConfiguration sft => (sft.Lora, sft.Eval),
            PreferenceTrainingConfiguration preference => (preference.Lora, preference.Eval),
            RewardModelTrainingConfiguration rewardModel => (rewardModel.Lora, rewardModel.Eval),
            _ => (null, null),
        };
        lora!.TargetModules.Should().Be("q_proj,v_proj");
        eval!.Dataset.Should().Be("azureai://data/eval/versions/1");
    }

    public static TheoryData<string, Type> ReinforcementRecipes => new()
    {
        { "grpo", typeof(GrpoTrainingConfiguration) },
        { "ppo", typeof(PpoTrainingConfiguration) },
        { "rloo", typeof(RlooTrainingConfiguration) },
        { "reinforce_pp", typeof(ReinforcePpTrainingConfiguration) },
    };

    [Theory]
    [MemberData(nameof(ReinforcementRecipes))]
    public void ReinforcementRecipes_RoundTrip(string algorithm, Type type)
    {
        string json = $$"""{"model":"m","dataset":{{Dataset}},"reward":{"kind":"builtin","type":"math_equivalence"},"lora":{{Lora}},"rollout":{"engine":"vllm"},"eval":{{Eval}},"algorithm":"{{algorithm}}"}""";
        var recipe = JobsJson.RoundTrip<TrainingConfiguration>(json).Should().BeAssignableTo<ReinforcementTrainingConfiguration>().Subject;

        recipe.Should().BeOfType(type);
        recipe.Algorithm.Should().Be(new TrainingAlgorithm(algorithm));
        recipe.Reward.Should().BeOfType<TrainingBuiltinRewardConfiguration>().Which.Type.Should().Be(TrainingBuiltinRewardType.MathEquivalence);
        recipe.Rollout!.Engine.Should().Be(TrainingRolloutEngine.Vllm);
        recipe.Lora!.Rank.Should().Be(8);
        recipe.Eval!.EveryNSteps.Should().Be(50);
    }

    [Theory]
    [InlineData("""{"algorithm":"dapo","model":"m","dataset":{"train":"t"},"clip":[0.2,0.28]}""", "dapo")]
    [InlineData("""{"model":"m","dataset":{"train":"t"},"clip":[0.2,0.28],"algorithm":"dapo"}""", "dapo")]
    [InlineData("""{"model":"m","dataset":{"train":"t"}}""", null)]
    [InlineData("""{"algorithm":7,"model":"m"}""", null)]
    public void UnknownOrMissingAlgorithm_RoundTrips(string json, string? algorithm)
    {
        var recipe = JobsJson.RoundTrip<TrainingConfiguration>(json).Should().BeOfType<UnknownTrainingConfiguration>().Subject;
        recipe.Algorithm?.ToString().Should().Be(algorithm);
        recipe.Algorithm.HasValue.Should().Be(algorithm is not null);
        recipe.Model.Should().Be("m");
    }

    [Fact]
    public void KnownAlgorithm_DiscriminatorLast_RoundTrips() =>
        JobsJson.RoundTrip<TrainingConfiguration>("""{"model":"m","dataset":{"train":"t"},"lora":{"rank":4},"algorithm":"dpo"}""")
            .Should().BeOfType<DpoTrainingConfiguration>().Which.Lora!.Rank.Should().Be(4);

    [Fact]
    public void UserBuiltRecipe_WritesDiscriminatorAndOnlyWhatWasSet()
    {
        var recipe = new PpoTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingDeploymentRewardConfiguration("judge"))
        {
            Lora = new TrainingLoraConfiguration(16),
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm),
        };
        _ = recipe.Hyperparameters.Count;

        JsonAssert.Equivalent(
            """{"algorithm":"ppo","model":"m","dataset":{"train":"t"},"reward":{"kind":"deployment","deployment":"judge"},"lora":{"rank":16},"rollout":{"engine":"vllm"}}""",
            JobsJson.Write<TrainingConfiguration>(recipe));
        JobsJson.Write(recipe).Should().Be(JobsJson.Write<TrainingConfiguration>(recipe));
    }

    [Fact]
    public void Defaults_AreNotWritten()
    {
        JobsJson.Write(new TrainingLoraConfiguration(16)).Should().Be("""{"rank":16}""");
        JobsJson.Write(new TrainingRolloutConfiguration("vllm")).Should().Be("""{"engine":"vllm"}""");
        JobsJson.Write(new TrainingWeightedRewardConfiguration(new TrainingModelRewardConfiguration("rm"))).Should().Be("""{"reward":{"kind":"model","model":"rm"}}""");
        JobsJson.Write(new TrainingEvalConfiguration()).Should().Be("{}");
        JobsJson.Write(new TrainingDatasetConfiguration("t")).Should().Be("""{"train":"t"}""");
    }

    [Fact]
    public void SpecDefaults_WhenSetExplicitly_AreWritten() =>
        JsonAssert.Equivalent(
            """{"rank":8,"alpha":16,"dropout":0.05,"target_modules":"auto","quantize":false}""",
            JobsJson.Write(new TrainingLoraConfiguration(8) { Alpha = 16, Dropout = 0.05, TargetModules = "auto", Quantize = false }));

    [Theory]
    [InlineData("""{"train":"t","eval":"e","columns":{"prompt":"q","future":1},"data_format":{"chat_template":"my_template"}}""")]
    public void TrainingDatasetConfiguration_RoundTrips(string json) =>
        JobsJson.RoundTrip<TrainingDatasetConfiguration>(json).DataFormat!.ChatTemplate.Should().Be(new ChatTemplate("my_template"));

    [Fact]
    public void TrainingColumnMapping_RoundTrips() =>
        JobsJson.RoundTrip<TrainingColumnMapping>("""{"messages":"conversation","label":"ok"}""").Messages.Should().Be("conversation");

    [Fact]
    public void TrainingDataFormatConfiguration_RoundTrips() =>
        JobsJson.RoundTrip<TrainingDataFormatConfiguration>("""{"chat_template":"chatml"}""").ChatTemplate.Should().Be(ChatTemplate.ChatML);

    [Fact]
    public void TrainingLoraConfiguration_RoundTrips() =>
        JobsJson.RoundTrip<TrainingLoraConfiguration>(Lora).Dropout.Should().Be(0.1);

    [Fact]
    public void TrainingRolloutConfiguration_RoundTripsUnknownEngine() =>
        JobsJson.RoundTrip<TrainingRolloutConfiguration>("""{"engine":"tensorrt_llm","stop":[]}""").Engine.Should().Be(new TrainingRolloutEngine("tensorrt_llm"));

    [Fact]
    public void TrainingEvalConfiguration_RoundTrips() =>
        JobsJson.RoundTrip<TrainingEvalConfiguration>("""{"benchmark":"hellaswag","every_n_steps":5}""").Benchmark.Should().Be(TrainingEvalBenchmark.HellaSwag);
}
