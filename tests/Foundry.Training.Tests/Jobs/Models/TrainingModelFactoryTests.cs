using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

public class TrainingModelFactoryTests
{
    [Fact]
    public void TrainingJob_WithSystemDataAndCommandJob()
    {
        CommandJob properties = TrainingModelFactory.CommandJob(
            computeId: "c",
            command: "python train.py",
            environmentImageReference: "env:1",
            displayName: "d",
            description: "desc",
            tags: new Dictionary<string, JsonNode?> { ["t"] = "v" },
            properties: new Dictionary<string, JsonNode?> { ["p"] = 1 },
            codeId: "code",
            inputs: new Dictionary<string, JobInput> { ["i"] = new(AssetTypes.Literal) { Value = "1" } },
            outputs: new Dictionary<string, JobOutput> { ["o"] = new(AssetTypes.UriFolder) },
            environmentVariables: new Dictionary<string, JsonNode?> { ["E"] = "1" },
            resources: new JobResourceConfiguration { InstanceCount = 1 },
            gpuCount: 2,
            distribution: new MpiDistribution(),
            limits: new CommandJobLimits(),
            queueSettings: new QueueSettings { JobTier = "Basic" },
            userAssignedIdentityId: "id",
            status: "Completed");
        TrainingJob job = TrainingModelFactory.TrainingJob(
            "j", "id", "type", properties, TrainingModelFactory.SystemData("u", "User", DateTimeOffset.FromUnixTimeSeconds(10), "v", "Application", DateTimeOffset.FromUnixTimeSeconds(20)));

        JsonAssert.Equivalent(
            """
            {"name":"j","id":"id","type":"type","system_data":{"created_by":"u","created_by_type":"User","created_at":10,"last_modified_by":"v","last_modified_by_type":"Application","last_modified_at":20},
             "properties":{"job_type":"command","compute_id":"c","command":"python train.py","environment_image_reference":"env:1","display_name":"d","description":"desc",
               "tags":{"t":"v"},"properties":{"p":1},"code_id":"code","inputs":{"i":{"job_input_type":"literal","value":"1"}},"outputs":{"o":{"job_output_type":"uri_folder"}},
               "environment_variables":{"E":"1"},"resources":{"instance_count":1},"gpu_count":2,"distribution":{"distribution_type":"mpi"},"limits":{"job_limits_type":"command"},
               "queue_settings":{"job_tier":"Basic"},"user_assigned_identity_id":"id","status":"Completed"}}
            """,
            JobsJson.Write(job));
        ((CommandJob)job.Properties).Status.Should().Be("Completed");
    }

    [Fact]
    public void TrainingConfiguration_SetsTheResolvedFramework()
    {
        var grpo = new GrpoTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), new TrainingModelRewardConfiguration("rm"));
        GrpoTrainingConfiguration result = TrainingModelFactory.TrainingConfiguration(grpo, TrainingFramework.Verl, "0.4.1");

        result.Should().BeSameAs(grpo);
        result.ResolvedFramework.Should().Be(TrainingFramework.Verl);
        result.FrameworkVersion.Should().Be("0.4.1");
        JobsJson.Write<TrainingConfiguration>(result).Should().Contain("\"resolved_framework\":\"verl\"").And.Contain("\"framework_version\":\"0.4.1\"");
    }

    [Fact]
    public void JobService_WithStatusAndError()
    {
        JobService service = TrainingModelFactory.JobService(
            JobServiceType.Tracking, 443, new Uri("https://t.example.com"), new Dictionary<string, JsonNode?> { ["k"] = true }, new AllNodes(), "Failed", "boom");
        JsonAssert.Equivalent(
            """{"job_service_type":"tracking","port":443,"endpoint":"https://t.example.com","properties":{"k":true},"nodes":{"nodes_value_type":"all"},"status":"Failed","error_message":"boom"}""",
            JobsJson.Write(service));
    }

    [Fact]
    public void UnknownModels_KeepTheirDiscriminatorLikeParsedOnes()
    {
        var extra = new Dictionary<string, JsonElement> { ["x"] = JsonSerializer.SerializeToElement(1) };

        TrainingModelFactory.UnknownJobProperties("sweep", extra).JobType.Should().Be(new JobType("sweep"));
        JsonAssert.Equivalent("""{"job_type":"sweep","x":1}""", JobsJson.Write<JobProperties>(TrainingModelFactory.UnknownJobProperties("sweep", extra)));

        UnknownTrainingConfiguration recipe = TrainingModelFactory.UnknownTrainingConfiguration(
            "dapo", "m", new TrainingDatasetConfiguration("t"), TrainingFramework.Verl, TrainingFramework.Verl, "1", new Dictionary<string, JsonNode?> { ["lr"] = 1 }, extra);
        recipe.Algorithm.Should().Be(new TrainingAlgorithm("dapo"));
        JsonAssert.Equivalent(
            """{"algorithm":"dapo","model":"m","dataset":{"train":"t"},"framework":"verl","resolved_framework":"verl","framework_version":"1","hyperparameters":{"lr":1},"x":1}""",
            JobsJson.Write<TrainingConfiguration>(recipe));

        TrainingModelFactory.UnknownTrainingRewardConfiguration("oracle\"quoted", extra).Kind.Should().Be(new TrainingRewardKind("oracle\"quoted"));
        TrainingModelFactory.UnknownDistributionConfiguration("jax").DistributionType.Should().Be("jax");
        TrainingModelFactory.UnknownNodeCollection("list", extra).NodesValueType.Should().Be("list");
        TrainingModelFactory.UnknownNodeCollection().NodesValueType.Should().BeNull();
        JobsJson.Write<NodeCollection>(TrainingModelFactory.UnknownNodeCollection()).Should().Be("{}");
    }
}
