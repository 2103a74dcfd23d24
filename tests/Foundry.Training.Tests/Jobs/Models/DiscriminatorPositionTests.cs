using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

/// <summary>
/// Every polymorphic family of models.tsp, read with its discriminator last (after properties of the derived type),
/// inside a training job as a service would send it: known kinds land in their types, unknown kinds in the family's
/// <c>Unknown*</c> type, and the document is written back unchanged.
/// </summary>
public class DiscriminatorPositionTests
{
    private static string InJob(string properties) => $$"""{"name":"j","properties":{{properties}}}""";

    [Fact]
    public void KnownKindsOfEveryFamily_WithTheDiscriminatorLast()
    {
        const string properties = """
            {
              "compute_id": "c",
              "distribution": { "worker_count": 2, "parameter_server_count": 1, "distribution_type": "tensorflow" },
              "training": {
                "model": "m", "dataset": { "train": "t" },
                "reward": { "rewards": [ { "weight": 0.5, "reward": { "evaluator": "ev", "kind": "evaluator" } } ], "kind": "composite" },
                "rollout": { "engine": "vllm" },
                "algorithm": "rloo"
              },
              "job_type": "command"
            }
            """;

        TrainingJob job = JobsJson.RoundTrip<TrainingJob>(InJob(properties));

        CommandJob command = job.Properties.Should().BeOfType<CommandJob>().Subject;
        command.Distribution.Should().BeOfType<TensorFlowDistribution>().Which.WorkerCount.Should().Be(2);
        RlooTrainingConfiguration rloo = command.Training.Should().BeOfType<RlooTrainingConfiguration>().Subject;
        TrainingCompositeRewardConfiguration composite = rloo.Reward.Should().BeOfType<TrainingCompositeRewardConfiguration>().Subject;
        composite.Rewards.Single().Reward.Should().BeOfType<TrainingEvaluatorRewardConfiguration>().Which.Evaluator.Should().Be("ev");
        JobsJson.RoundTrip<JobService>("""{"port":22,"nodes":{"extra":1,"nodes_value_type":"all"}}""").Nodes.Should().BeOfType<AllNodes>()
            .Which.AdditionalProperties.Should().ContainKey("extra");
    }

    [Fact]
    public void UnknownKindsOfEveryFamily_WithTheDiscriminatorLast()
    {
        const string properties = """
            {
              "compute_id": "c",
              "distribution": { "stage": 3, "distribution_type": "deepspeed" },
              "training": {
                "model": "m", "dataset": { "train": "t" },
                "reward": { "rubric_url": "https://r", "kind": "human_feedback" },
                "algorithm": "grpo_v2"
              },
              "job_type": "command"
            }
            """;

        CommandJob command = (CommandJob)JobsJson.RoundTrip<TrainingJob>(InJob(properties)).Properties;

        command.Distribution.Should().BeOfType<UnknownDistributionConfiguration>().Which.DistributionType.Should().Be("deepspeed");
        UnknownTrainingConfiguration training = command.Training.Should().BeOfType<UnknownTrainingConfiguration>().Subject;
        training.Algorithm.Should().Be(new TrainingAlgorithm("grpo_v2"));
        training.AdditionalProperties["reward"].GetProperty("kind").GetString().Should().Be("human_feedback", "a reward of an unknown recipe is kept as written");
        JobsJson.RoundTrip<JobService>("""{"nodes":{"indices":[1],"nodes_value_type":"some"}}""").Nodes.Should().BeOfType<UnknownNodeCollection>()
            .Which.NodesValueType.Should().Be("some");
        JobsJson.RoundTrip<TrainingJob>(InJob("""{"compute_id":"c","sweep":{"trials":4},"job_type":"sweep"}""")).Properties
            .Should().BeOfType<UnknownJobProperties>().Which.JobType.Should().Be(new JobType("sweep"));
        JobsJson.RoundTrip<TrainingRewardConfiguration>("""{"queue":"q","kind":"human_feedback"}""").Should().BeOfType<UnknownTrainingRewardConfiguration>();
    }
}
