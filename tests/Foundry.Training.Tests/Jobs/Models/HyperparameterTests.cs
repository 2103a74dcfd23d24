using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

public class HyperparameterTests
{
    private static TrainingDatasetConfiguration Data => new("t");

    private static T Read<T>(string hyperparameters, string algorithm, string extra = "")
        where T : TrainingConfiguration =>
        (T)JobsJson.Read<TrainingConfiguration>($$"""{"algorithm":"{{algorithm}}","model":"m","dataset":{"train":"t"}{{extra}},"hyperparameters":{{hyperparameters}}}""");

    [Fact]
    public void CommonAccessors_ReadTheDictionary()
    {
        var sft = Read<SftTrainingConfiguration>(
            """{"learning_rate":0.0001,"num_train_epochs":2.5,"per_device_train_batch_size":4,"gradient_accumulation_steps":8,"warmup_ratio":0.03,"max_seq_length":2048}""", "sft");

        sft.LearningRate.Should().Be(0.0001);
        sft.NumTrainEpochs.Should().Be(2.5);
        sft.PerDeviceTrainBatchSize.Should().Be(4);
        sft.GradientAccumulationSteps.Should().Be(8);
        sft.WarmupRatio.Should().Be(0.03);
        sft.MaxSeqLength.Should().Be(2048);
    }

    [Fact]
    public void CommonAccessors_WriteTheDictionary()
    {
        var sft = new SftTrainingConfiguration("m", Data)
        {
            LearningRate = 2e-5,
            NumTrainEpochs = 3,
            PerDeviceTrainBatchSize = 2,
            GradientAccumulationSteps = 16,
            WarmupRatio = 0.1,
            MaxSeqLength = 4096,
        };
        sft.Hyperparameters["lr_scheduler_type"] = "cosine";

        sft.Hyperparameters.Keys.Should().BeEquivalentTo(
            "learning_rate", "num_train_epochs", "per_device_train_batch_size", "gradient_accumulation_steps", "warmup_ratio", "max_seq_length", "lr_scheduler_type");
        JsonAssert.Equivalent(
            """{"algorithm":"sft","model":"m","dataset":{"train":"t"},"hyperparameters":{"learning_rate":2e-5,"num_train_epochs":3,"per_device_train_batch_size":2,"gradient_accumulation_steps":16,"warmup_ratio":0.1,"max_seq_length":4096,"lr_scheduler_type":"cosine"}}""",
            JobsJson.Write<TrainingConfiguration>(sft));
    }

    [Fact]
    public void DictionaryWrites_AreVisibleThroughAccessors()
    {
        var dpo = new DpoTrainingConfiguration("m", Data);
        dpo.Hyperparameters["beta"] = 0.1;
        dpo.Hyperparameters["learning_rate"] = 1;
        dpo.Hyperparameters["per_device_train_batch_size"] = 8L;
        dpo.Hyperparameters["max_seq_length"] = 1024.0;

        dpo.Beta.Should().Be(0.1);
        dpo.LearningRate.Should().Be(1d);
        dpo.PerDeviceTrainBatchSize.Should().Be(8);
        dpo.MaxSeqLength.Should().Be(1024);
    }

    [Fact]
    public void SettingNull_RemovesTheKey_AndAnEmptyDictionaryIsNotWritten()
    {
        var sft = new SftTrainingConfiguration("m", Data) { LearningRate = 0.1, WarmupRatio = 0.2 };
        sft.LearningRate = null;
        sft.Hyperparameters.Should().ContainKey("warmup_ratio").And.NotContainKey("learning_rate");
        sft.WarmupRatio = null;
        sft.LearningRate = null;

        JobsJson.Write<TrainingConfiguration>(sft).Should().NotContain("hyperparameters");
    }

    [Fact]
    public void ReadingAnAbsentKey_DoesNotCreateTheDictionary()
    {
        var sft = new SftTrainingConfiguration("m", Data);
        sft.LearningRate.Should().BeNull();
        sft.MaxSeqLength.Should().BeNull();
        JobsJson.Write<TrainingConfiguration>(sft).Should().NotContain("hyperparameters");
    }

    [Fact]
    public void JsonNull_ReadsAsNull() =>
        Read<SftTrainingConfiguration>("""{"learning_rate":null}""", "sft").LearningRate.Should().BeNull();

    [Fact]
    public void NonNumericValue_ThrowsNamingTheKey_AndOtherKeysStayReadable()
    {
        var sft = Read<SftTrainingConfiguration>("""{"learning_rate":"fast","num_train_epochs":3,"per_device_train_batch_size":{"auto":true}}""", "sft");

        sft.NumTrainEpochs.Should().Be(3);
        sft.Invoking(s => s.LearningRate).Should().Throw<InvalidOperationException>()
            .WithMessage("*'learning_rate'*string*Hyperparameters[\"learning_rate\"]*");
        sft.Invoking(s => s.PerDeviceTrainBatchSize).Should().Throw<InvalidOperationException>().WithMessage("*'per_device_train_batch_size'*object*");
        JobsJson.Write<TrainingConfiguration>(sft).Should().Contain("\"fast\"");
    }

    [Theory]
    [InlineData("3.0", 3)]
    [InlineData("-2", -2)]
    [InlineData("1e3", 1000)]
    public void IntegerAccessor_AcceptsIntegralNumbers(string json, int expected) =>
        Read<SftTrainingConfiguration>($$"""{"max_seq_length":{{json}}}""", "sft").MaxSeqLength.Should().Be(expected);

    [Theory]
    [InlineData("2.5")]
    [InlineData("1e12")]
    [InlineData("true")]
    public void IntegerAccessor_RejectsNonIntegers(string json) =>
        Read<SftTrainingConfiguration>($$"""{"max_seq_length":{{json}}}""", "sft")
            .Invoking(s => s.MaxSeqLength).Should().Throw<InvalidOperationException>().WithMessage("*'max_seq_length'*");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteValues_AreRejected(double value) =>
        new SftTrainingConfiguration("m", Data).Invoking(s => s.LearningRate = value).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void PreferenceBeta_UsesBeta()
    {
        foreach (PreferenceTrainingConfiguration recipe in new PreferenceTrainingConfiguration[]
        {
            new DpoTrainingConfiguration("m", Data), new KtoTrainingConfiguration("m", Data), new OrpoTrainingConfiguration("m", Data),
            new CpoTrainingConfiguration("m", Data), new SimPoTrainingConfiguration("m", Data),
        })
        {
            recipe.Beta = 0.25;
            recipe.Hyperparameters["beta"]!.GetValue<double>().Should().Be(0.25);
        }

        Read<OrpoTrainingConfiguration>("""{"beta":0.5}""", "orpo").Beta.Should().Be(0.5);
    }

    [Fact]
    public void KtoWeights_UseTrlNames()
    {
        var kto = new KtoTrainingConfiguration("m", Data) { DesirableWeight = 1.0, UndesirableWeight = 1.33 };
        kto.Hyperparameters.Keys.Should().BeEquivalentTo("desirable_weight", "undesirable_weight");
        var read = Read<KtoTrainingConfiguration>("""{"desirable_weight":2,"undesirable_weight":0.5}""", "kto");
        read.DesirableWeight.Should().Be(2);
        read.UndesirableWeight.Should().Be(0.5);
    }

    [Fact]
    public void SimPoGamma_UsesSimpoGamma()
    {
        var simpo = new SimPoTrainingConfiguration("m", Data) { Gamma = 0.5 };
        simpo.Hyperparameters.Keys.Should().Equal("simpo_gamma");
        Read<SimPoTrainingConfiguration>("""{"simpo_gamma":1.2}""", "simpo").Gamma.Should().Be(1.2);
    }

    [Fact]
    public void ReinforcementAccessors_UseBetaAndKlCoef()
    {
        var reward = new TrainingModelRewardConfiguration("rm");
        foreach (ReinforcementTrainingConfiguration recipe in new ReinforcementTrainingConfiguration[]
        {
            new GrpoTrainingConfiguration("m", Data, reward), new PpoTrainingConfiguration("m", Data, reward),
            new RlooTrainingConfiguration("m", Data, reward), new ReinforcePpTrainingConfiguration("m", Data, reward),
        })
        {
            recipe.Beta = 0.04;
            recipe.KlCoefficient = 0.05;
            recipe.Hyperparameters["beta"]!.GetValue<double>().Should().Be(0.04);
            recipe.Hyperparameters["kl_coef"]!.GetValue<double>().Should().Be(0.05);
        }

        var ppo = Read<PpoTrainingConfiguration>("""{"kl_coef":0.2,"beta":0.1}""", "ppo", ""","reward":{"kind":"model","model":"rm"}""");
        ppo.KlCoefficient.Should().Be(0.2);
        ppo.Beta.Should().Be(0.1);
    }

    [Fact]
    public void AccessorsOnUnknownRecipes_ReadTheSameDictionary()
    {
        var recipe = (UnknownTrainingConfiguration)JobsJson.Read<TrainingConfiguration>("""{"algorithm":"x","hyperparameters":{"learning_rate":0.5}}""");
        recipe.LearningRate.Should().Be(0.5);
        recipe.LearningRate = 0.25;
        recipe.Hyperparameters["learning_rate"].Should().BeAssignableTo<JsonValue>().Which.GetValue<double>().Should().Be(0.25);
    }
}
