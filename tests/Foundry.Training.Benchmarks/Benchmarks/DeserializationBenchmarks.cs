using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Foundry.Training.Benchmarks.Baseline;
using Foundry.Training.Benchmarks.Infrastructure;
using Foundry.Training.Benchmarks.Payloads;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Benchmarks.Benchmarks;

/// <summary>
/// Reading response bodies that are already in memory: the SDK's models vs OpenAI .NET's model reader vs a hand-written
/// source-generated System.Text.Json mapping (the floor, <c>Baseline = true</c>). Each group has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DeserializationBenchmarks
{
    private readonly byte[] _fineTuningPage = FineTuningPayloads.PageUtf8(0, 100, hasMore: true);
    private readonly byte[] _fineTuningPageUnknown = FineTuningPayloads.PageUtf8(0, 100, hasMore: true, unknownProperty: true);
    private readonly byte[] _fineTuningJob = System.Text.Encoding.UTF8.GetBytes(FineTuningPayloads.Job(0));
    private readonly byte[] _foundryJob = System.Text.Encoding.UTF8.GetBytes(FoundryPayloads.Job(0));
    private BinaryData _fineTuningPageData = null!;
    private BinaryData _fineTuningJobData = null!;
    private BinaryData _fineTuningPageUnknownData = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fineTuningPageData = BinaryData.FromBytes(_fineTuningPage);
        _fineTuningJobData = BinaryData.FromBytes(_fineTuningJob);
        _fineTuningPageUnknownData = BinaryData.FromBytes(_fineTuningPageUnknown);
        Check();
    }

    // ---- 100-job fine-tuning list page -------------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("FineTuningPage100")]
    public int Page_Floor() => JsonSerializer.Deserialize(_fineTuningPage, FloorJsonContext.Default.FloorFineTuningPage)!.Data.Count;

    [Benchmark, BenchmarkCategory("FineTuningPage100")]
    public int Page_FoundryTraining() => PageContent<FineTuningJob>.Parse(_fineTuningPage, ModelSerialization.GetTypeInfo<FineTuningJob>()).Items.Count;

    [Benchmark, BenchmarkCategory("FineTuningPage100")]
    public object Page_OpenAI() => OpenAIModels.Read(_fineTuningPageData, OpenAIModels.JobsPage);

    // ---- the same page with one property per job that the schema does not list (kept by the SDK, dropped by the floor)

    [Benchmark(Baseline = true), BenchmarkCategory("FineTuningPage100Unknown")]
    public int PageUnknown_Floor() => JsonSerializer.Deserialize(_fineTuningPageUnknown, FloorJsonContext.Default.FloorFineTuningPage)!.Data.Count;

    [Benchmark, BenchmarkCategory("FineTuningPage100Unknown")]
    public int PageUnknown_FoundryTraining() => PageContent<FineTuningJob>.Parse(_fineTuningPageUnknown, ModelSerialization.GetTypeInfo<FineTuningJob>()).Items.Count;

    [Benchmark, BenchmarkCategory("FineTuningPage100Unknown")]
    public object PageUnknown_OpenAI() => OpenAIModels.Read(_fineTuningPageUnknownData, OpenAIModels.JobsPage);

    // ---- one fine-tuning job ----------------------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("FineTuningJob")]
    public string? Job_Floor() => JsonSerializer.Deserialize(_fineTuningJob, FloorJsonContext.Default.FloorFineTuningJob)!.Id;

    [Benchmark, BenchmarkCategory("FineTuningJob")]
    public string? Job_FoundryTraining() => ModelSerialization.Deserialize<FineTuningJob>(_fineTuningJob, ModelSerialization.Options)!.Id;

    [Benchmark, BenchmarkCategory("FineTuningJob")]
    public object Job_OpenAI() => OpenAIModels.Read(_fineTuningJobData, OpenAIModels.Job);

    // ---- one large Foundry GRPO job (OpenAI .NET has no model for it) -----------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("FoundryGrpoJob")]
    public string? Grpo_Floor() => JsonSerializer.Deserialize(_foundryJob, FloorJsonContext.Default.FloorTrainingJob)!.Name;

    [Benchmark, BenchmarkCategory("FoundryGrpoJob")]
    public string Grpo_FoundryTraining() => ModelSerialization.Deserialize<TrainingJob>(_foundryJob, ModelSerialization.Options)!.Name;

    /// <summary>The job and its recipe, which the SDK parses on first read (<see cref="CommandJob.Training"/>).</summary>
    [Benchmark, BenchmarkCategory("FoundryGrpoJob")]
    public string Grpo_FoundryTraining_WithRecipe() =>
        ((CommandJob)ModelSerialization.Deserialize<TrainingJob>(_foundryJob, ModelSerialization.Options)!.Properties).Training!.Model;

    /// <summary>Every reader must see the same data, or the comparison means nothing.</summary>
    private void Check()
    {
        FloorFineTuningPage floor = JsonSerializer.Deserialize(_fineTuningPage, FloorJsonContext.Default.FloorFineTuningPage)!;
        PageContent<FineTuningJob> ours = PageContent<FineTuningJob>.Parse(_fineTuningPage, ModelSerialization.GetTypeInfo<FineTuningJob>());
        Require(floor.Data.Count == 100 && ours.Items.Count == 100, "page size");
        Require(ours.Items[3].Method?.Dpo?.Hyperparameters?.EpochCount?.Number == 3, "DPO hyperparameters");
        Require(ours.Items[2].Integrations?[0].Wandb?.Tags.Count == 2, "integration tags");
        Require(ours.Items[99].Id == floor.Data[99].Id, "ids");
        Require(ours.Items.All(j => j.AdditionalProperties.Count == 0 && j.Hyperparameters!.AdditionalProperties.Count == 0), "no unknown properties");
        Require(ours.Items[3].Method!.Dpo!.Hyperparameters!.Beta?.Number == 0.1, "DPO beta");
        FineTuningJob single = ModelSerialization.Deserialize<FineTuningJob>(_fineTuningJob, ModelSerialization.Options)!;
        Require(single.AdditionalProperties.Count == 0 && single.Hyperparameters!.AdditionalProperties.Count == 0 && single.Method!.Dpo is not null, "single job: DPO, no unknown properties");
        Require(PageContent<FineTuningJob>.Parse(_fineTuningPageUnknown, ModelSerialization.GetTypeInfo<FineTuningJob>()).Items.All(j => j.AdditionalProperties.Count == 1), "user_provided_suffix is kept");
        OpenAIModels.Read(_fineTuningPageData, OpenAIModels.JobsPage);

        TrainingJob job = ModelSerialization.Deserialize<TrainingJob>(_foundryJob, ModelSerialization.Options)!;
        var command = (CommandJob)job.Properties;
        var grpo = (GrpoTrainingConfiguration)command.Training!;
        Require(((TrainingCompositeRewardConfiguration)grpo.Reward).Rewards.Count == 5, "composite reward");
        Require(command.Inputs.Count == 4 && command.Outputs.Count == 2, "inputs and outputs");
        Require(job.AdditionalProperties.Count == 0 && command.AdditionalProperties.Count == 0 && grpo.AdditionalProperties.Count == 0, "no unknown properties");
        FloorTrainingJob floorJob = JsonSerializer.Deserialize(_foundryJob, FloorJsonContext.Default.FloorTrainingJob)!;
        Require(((FloorGrpoConfiguration)((FloorCommandJob)floorJob.Properties!).Training!).Reward is FloorCompositeReward { Rewards.Count: 5 }, "floor composite reward");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark payload check failed: " + what);
        }
    }
}
