using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

public class ConstructorTests
{
    private static readonly TrainingDatasetConfiguration s_data = new("t");
    private static readonly TrainingRewardConfiguration s_reward = new TrainingModelRewardConfiguration("rm");

    public static TheoryData<Action, string> NullArguments => new()
    {
        { () => _ = new CommandJob(null!), "computeId" },
        { () => _ = new TrainingDatasetConfiguration(null!), "train" },
        { () => _ = new SftTrainingConfiguration(null!, s_data), "model" },
        { () => _ = new SftTrainingConfiguration("m", null!), "dataset" },
        { () => _ = new DpoTrainingConfiguration(null!, s_data), "model" },
        { () => _ = new KtoTrainingConfiguration("m", null!), "dataset" },
        { () => _ = new OrpoTrainingConfiguration(null!, s_data), "model" },
        { () => _ = new CpoTrainingConfiguration("m", null!), "dataset" },
        { () => _ = new SimPoTrainingConfiguration(null!, s_data), "model" },
        { () => _ = new RewardModelTrainingConfiguration("m", null!), "dataset" },
        { () => _ = new GrpoTrainingConfiguration(null!, s_data, s_reward), "model" },
        { () => _ = new GrpoTrainingConfiguration("m", null!, s_reward), "dataset" },
        { () => _ = new GrpoTrainingConfiguration("m", s_data, null!), "reward" },
        { () => _ = new PpoTrainingConfiguration("m", s_data, null!), "reward" },
        { () => _ = new RlooTrainingConfiguration("m", s_data, null!), "reward" },
        { () => _ = new ReinforcePpTrainingConfiguration("m", s_data, null!), "reward" },
        { () => _ = new TrainingModelRewardConfiguration(null!), "model" },
        { () => _ = new TrainingFunctionRewardConfiguration(null!), "function" },
        { () => _ = new TrainingInlineFunctionRewardConfiguration(null!), "inlineFunction" },
        { () => _ = new TrainingEvaluatorRewardConfiguration(null!), "evaluator" },
        { () => _ = new TrainingDeploymentRewardConfiguration(null!), "deployment" },
        { () => _ = new TrainingCompositeRewardConfiguration(null!), "rewards" },
        { () => _ = new TrainingCompositeRewardConfiguration(new TrainingWeightedRewardConfiguration[] { null! }), "rewards" },
        { () => _ = new TrainingWeightedRewardConfiguration(null!), "reward" },
        { () => _ = new TrainingEntryPointReference(null!), "entryPoint" },
        { () => _ = new TrainingInlineFunctionConfiguration(null!), "definition" },
        { () => TrainingModelFactory.TrainingConfiguration<SftTrainingConfiguration>(null!), "configuration" },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void NullRequiredArguments_ThrowArgumentNullExceptionNamingTheParameter(Action create, string parameter) =>
        create.Should().Throw<ArgumentNullException>().WithParameterName(parameter);

    [Fact]
    public void Constructors_SetTheRequiredProperties()
    {
        new CommandJob("c").ComputeId.Should().Be("c");
        var grpo = new GrpoTrainingConfiguration("m", s_data, s_reward);
        (grpo.Model, grpo.Dataset, grpo.Reward).Should().Be(("m", s_data, s_reward));
        new TrainingInlineFunctionConfiguration("def f(): pass").Definition.Should().Be("def f(): pass");
        new TrainingWeightedRewardConfiguration(s_reward, 0.5).Weight.Should().Be(0.5);
        new TrainingLoraConfiguration(4).Rank.Should().Be(4);
        new TrainingRolloutConfiguration("hf").Engine.Should().Be(TrainingRolloutEngine.HF);
        new TrainingBuiltinRewardConfiguration("regex").Type.Should().Be(TrainingBuiltinRewardType.Regex);
        new JobInput(AssetTypes.Literal).JobInputType.Should().Be(AssetTypes.Literal);
        new JobOutput(AssetTypes.UriFile).JobOutputType.Should().Be(AssetTypes.UriFile);
        new TrainingCompositeRewardConfiguration(new[] { new TrainingWeightedRewardConfiguration(s_reward) }).Rewards.Should().ContainSingle();
    }
}
