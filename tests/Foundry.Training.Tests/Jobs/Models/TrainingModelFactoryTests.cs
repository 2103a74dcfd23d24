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

public class TrainingModelFactoryResourceTests
{
    private static readonly DateTimeOffset T1 = DateTimeOffset.FromUnixTimeSeconds(100);
    private static readonly DateTimeOffset T2 = DateTimeOffset.FromUnixTimeSeconds(200);

    [Fact]
    public void JobAttempt_WithComputeDetailsErrorAndWarnings()
    {
        JobAttempt attempt = TrainingModelFactory.JobAttempt(
            "a1", "j", JobAttemptStatus.Failed, "oom", T1, T2, T1, TimeSpan.FromMinutes(90),
            new Dictionary<string, JsonNode?> { ["position"] = 3 },
            TrainingModelFactory.JobAttemptComputeDetails("Standard_ND96", "gpu", 2, 16, "eastus", new Dictionary<string, JsonNode?> { ["x"] = "y" }),
            TrainingModelFactory.JobAttemptError("OOM", "out of memory", new Dictionary<string, JsonNode?> { ["node"] = 1 }),
            new[] { TrainingModelFactory.JobAttemptWarning("Slow", "slow node") },
            isLatest: true);

        JsonAssert.Equivalent(
            """
            {"id":"a1","job_name":"j","status":"failed","status_reason":"oom","started_at":100,"ended_at":200,"last_started_at":100,"compute_duration":"PT1H30M",
             "queueing_info":{"position":3},
             "compute_details":{"vm_size":"Standard_ND96","instance_type":"gpu","instance_count":2,"gpu_count":16,"region":"eastus","properties":{"x":"y"}},
             "error":{"code":"OOM","message":"out of memory","details":{"node":1}},"warnings":[{"code":"Slow","message":"slow node"}],"is_latest":true}
            """,
            JobsJson.Write(attempt));
    }

    [Fact]
    public void Artifacts_Metrics_Outputs_Services_Operations()
    {
        JsonAssert.Equivalent(
            """{"path":"out/model.bin","type":"file","size":42,"created_at":100,"updated_at":200}""",
            JobsJson.Write(TrainingModelFactory.JobArtifact("out/model.bin", JobArtifactType.File, 42, T1, T2)));
        JsonAssert.Equivalent(
            """{"path":"p","content_uri":"https://s.example.com/p","content_type":"application/octet-stream","expires_at":200}""",
            JobsJson.Write(TrainingModelFactory.JobArtifactContentInfo("p", new Uri("https://s.example.com/p"), "application/octet-stream", T2)));
        JsonAssert.Equivalent(
            """{"name":"loss","metric_type":"scalar","columns":{"value":"float"}}""",
            JobsJson.Write(TrainingModelFactory.JobMetric("loss", JobMetricType.Scalar, new Dictionary<string, JsonNode?> { ["value"] = "float" })));

        JobMetricPoint point = TrainingModelFactory.JobMetricPoint("m1", 7, T1, new Dictionary<string, JsonNode?> { ["value"] = 0.5 });
        JsonAssert.Equivalent("""{"metric_id":"m1","step":7,"created_at":100,"data":{"value":0.5}}""", JobsJson.Write(point));
        JsonAssert.Equivalent(
            """{"name":"loss","value":{"metric_id":"m1","step":7,"created_at":100,"data":{"value":0.5}}}""",
            JobsJson.Write(TrainingModelFactory.JobMetricLastValue("loss", point)));
        JsonAssert.Equivalent(
            """{"name":"loss","started_at":100,"ended_at":200,"values":{"min":0.1}}""",
            JobsJson.Write(TrainingModelFactory.JobMetricAggregate("loss", T1, T2, new Dictionary<string, JsonNode?> { ["min"] = 0.1 })));
        JsonAssert.Equivalent(
            """{"name":"loss","points":[{"metric_id":"m1","step":7,"created_at":100,"data":{"value":0.5}}]}""",
            JobsJson.Write(TrainingModelFactory.JobMetricSample("loss", new[] { point })));
        TrainingModelFactory.JobMetricSample().Points.Should().BeEmpty();

        JsonAssert.Equivalent(
            """{"name":"model","type":"safetensors_model","mode":"read_write_mount","uri":"azureml://m","asset_name":"a","asset_version":"1","base_model_id":"b","description":"d"}""",
            JobsJson.Write(TrainingModelFactory.JobOutputReference("model", AssetTypes.SafetensorsModel, InputOutputModes.ReadWriteMount, "azureml://m", "a", "1", "b", "d")));
        JsonAssert.Equivalent(
            """{"name":"train","type":"uri_folder","asset_id":"azureai://datasets/train/versions/1"}""",
            JobsJson.Write(TrainingModelFactory.JobExecutionAssetReference("train", "uri_folder", "azureai://datasets/train/versions/1")));
        JsonAssert.Equivalent("""{"name":""}""", JobsJson.Write(TrainingModelFactory.JobExecutionAssetReference()));

        TrainingJobService service = TrainingModelFactory.TrainingJobService(
            JobServiceType.Tracking, 443, "Running", new Dictionary<string, JsonNode?> { ["code"] = "E" }, new Uri("https://t.example.com"), new Dictionary<string, JsonNode?> { ["k"] = true });
        JsonAssert.Equivalent(
            """{"services":{"tb":{"type":"tracking","port":443,"status":"Running","error":{"code":"E"},"endpoint":"https://t.example.com","properties":{"k":true}}}}""",
            JobsJson.Write(TrainingModelFactory.TrainingJobServiceCollection(new Dictionary<string, TrainingJobService> { ["tb"] = service })));
        TrainingModelFactory.TrainingJobServiceCollection().Services.Should().BeEmpty();

        JsonAssert.Equivalent(
            """{"id":"op1","name":"delete","status":"failed","properties":{"p":1},"started_at":100,"ended_at":200,"percent_complete":50.5,"error":{"code":"Gone","message":"m","details":{"d":2}}}""",
            JobsJson.Write(TrainingModelFactory.JobOperationResource(
                "op1", "delete", JobOperationStatus.Failed, new Dictionary<string, JsonNode?> { ["p"] = 1 }, T1, T2, 50.5,
                TrainingModelFactory.JobOperationError("Gone", "m", new Dictionary<string, JsonNode?> { ["d"] = 2 }))));
    }
}
