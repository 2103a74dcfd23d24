using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

public class RewardTests
{
    [Fact]
    public void Model_RoundTrips() =>
        JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"model","model":"azureai://models/rm/versions/2"}""")
            .Should().BeOfType<TrainingModelRewardConfiguration>().Which.Model.Should().Be("azureai://models/rm/versions/2");

    [Fact]
    public void Function_RoundTrips()
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"function","function":{"entry_point":"rewards/math.py:score"}}""")
            .Should().BeOfType<TrainingFunctionRewardConfiguration>().Subject;
        reward.Kind.Should().Be(TrainingRewardKind.Function);
        reward.Function.EntryPoint.Should().Be("rewards/math.py:score");
    }

    [Fact]
    public void InlineFunction_RoundTrips()
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"inline_function","inline_function":{"def":"def f(s): return 1","runtime":{"pip":["numpy","scipy==1.11"]}}}""")
            .Should().BeOfType<TrainingInlineFunctionRewardConfiguration>().Subject;
        reward.InlineFunction.Definition.Should().Be("def f(s): return 1");
        reward.InlineFunction.Runtime!.Pip.Should().Equal("numpy", "scipy==1.11");
    }

    [Fact]
    public void Builtin_RoundTrips()
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"builtin","type":"regex","configuration":{"pattern":"^\\d+$","flags":["i"]}}""")
            .Should().BeOfType<TrainingBuiltinRewardConfiguration>().Subject;
        reward.Type.Should().Be(TrainingBuiltinRewardType.Regex);
        reward.Configuration["pattern"]!.GetValue<string>().Should().Be("^\\d+$");
    }

    [Fact]
    public void Evaluator_RoundTrips()
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"evaluator","evaluator":"azureai://evaluators/relevance/versions/1","input_mapping":{"query":"${data.prompt}"}}""")
            .Should().BeOfType<TrainingEvaluatorRewardConfiguration>().Subject;
        reward.Evaluator.Should().Be("azureai://evaluators/relevance/versions/1");
        reward.InputMapping["query"]!.GetValue<string>().Should().Be("${data.prompt}");
    }

    [Fact]
    public void Deployment_RoundTrips()
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"kind":"deployment","deployment":"gpt-4o-judge","rubric":"Score 0-1."}""")
            .Should().BeOfType<TrainingDeploymentRewardConfiguration>().Subject;
        reward.Deployment.Should().Be("gpt-4o-judge");
        reward.Rubric.Should().Be("Score 0-1.");
    }

    [Fact]
    public void Composite_NestsRewardsRecursively_WithUnknownKindsAnywhere()
    {
        const string json = """
            {"kind":"composite","rewards":[
              {"reward":{"kind":"builtin","type":"exact_match"},"weight":0.7},
              {"reward":{"kind":"composite","rewards":[
                {"reward":{"kind":"future_judge","x":[1]}},
                {"weight":2,"reward":{"threshold":0.5,"deployment":"gpt","kind":"deployment"}},
                {"reward":{"no_kind":true}}
              ]}}
            ]}
            """;
        var composite = JobsJson.RoundTrip<TrainingRewardConfiguration>(json).Should().BeOfType<TrainingCompositeRewardConfiguration>().Subject;

        composite.Rewards.Should().HaveCount(2);
        composite.Rewards[0].Weight.Should().Be(0.7);
        composite.Rewards[0].Reward.Should().BeOfType<TrainingBuiltinRewardConfiguration>();
        composite.Rewards[1].Weight.Should().BeNull();
        var inner = composite.Rewards[1].Reward.Should().BeOfType<TrainingCompositeRewardConfiguration>().Subject;
        inner.Rewards[0].Reward.Should().BeOfType<UnknownTrainingRewardConfiguration>().Which.Kind.Should().Be(new TrainingRewardKind("future_judge"));
        inner.Rewards[1].Weight.Should().Be(2);
        inner.Rewards[1].Reward.Should().BeOfType<TrainingDeploymentRewardConfiguration>().Which.AdditionalProperties.Should().ContainKey("threshold");
        inner.Rewards[2].Reward.Should().BeOfType<UnknownTrainingRewardConfiguration>().Which.Kind.Should().BeNull();
    }

    [Fact]
    public void Composite_BuiltInCode_WritesEveryLevel()
    {
        var reward = new TrainingCompositeRewardConfiguration(new[]
        {
            new TrainingWeightedRewardConfiguration(new TrainingFunctionRewardConfiguration(new TrainingEntryPointReference("r.py:f")), 0.25),
            new TrainingWeightedRewardConfiguration(new TrainingCompositeRewardConfiguration(new[]
            {
                new TrainingWeightedRewardConfiguration(new TrainingEvaluatorRewardConfiguration("ev")),
            })),
        });
        JsonAssert.Equivalent(
            """{"kind":"composite","rewards":[{"reward":{"kind":"function","function":{"entry_point":"r.py:f"}},"weight":0.25},{"reward":{"kind":"composite","rewards":[{"reward":{"kind":"evaluator","evaluator":"ev"}}]}}]}""",
            JobsJson.Write<TrainingRewardConfiguration>(reward));
    }

    [Fact]
    public void EmptyComposite_BuiltInCode_StillSendsRequiredRewards() =>
        JobsJson.Write<TrainingRewardConfiguration>(new TrainingCompositeRewardConfiguration(Array.Empty<TrainingWeightedRewardConfiguration>()))
            .Should().Be("""{"kind":"composite","rewards":[]}""");

    [Fact]
    public void TrainingWeightedRewardConfiguration_RoundTrips() =>
        JobsJson.RoundTrip<TrainingWeightedRewardConfiguration>("""{"weight":1.0,"reward":{"kind":"other"}}""").Reward.Should().BeOfType<UnknownTrainingRewardConfiguration>();

    [Fact]
    public void TrainingEntryPointReference_RoundTrips() =>
        JobsJson.RoundTrip<TrainingEntryPointReference>("""{"entry_point":"a.py:b"}""").EntryPoint.Should().Be("a.py:b");

    [Fact]
    public void TrainingInlineFunctionConfiguration_RoundTrips() =>
        JobsJson.RoundTrip<TrainingInlineFunctionConfiguration>("""{"def":"def f(): pass","runtime":{}}""").Runtime!.Pip.Should().BeEmpty();

    [Fact]
    public void TrainingInlineFunctionRuntime_RoundTrips() =>
        JobsJson.RoundTrip<TrainingInlineFunctionRuntime>("""{"pip":[],"conda":"env.yml"}""").Pip.Should().BeEmpty();

    [Theory]
    [InlineData("""{"kind":"human_feedback","queue":"q"}""", "human_feedback")]
    [InlineData("""{"queue":"q","kind":"human_feedback"}""", "human_feedback")]
    [InlineData("""{"queue":"q"}""", null)]
    public void UnknownKind_RoundTrips(string json, string? kind)
    {
        var reward = JobsJson.RoundTrip<TrainingRewardConfiguration>(json).Should().BeOfType<UnknownTrainingRewardConfiguration>().Subject;
        reward.Kind?.ToString().Should().Be(kind);
        reward.Kind.HasValue.Should().Be(kind is not null);
    }
}
