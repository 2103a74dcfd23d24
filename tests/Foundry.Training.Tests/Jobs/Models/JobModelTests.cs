using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

public class JobModelTests
{
    /// <summary>The Create MaximumSet example, in the snake_case of models.tsp.</summary>
    internal const string FullCommandJob = """
        {
          "job_type": "command",
          "display_name": "My Training Job",
          "description": "A sample declarative training job",
          "tags": { "framework": "trl", "algorithm": "grpo" },
          "properties": { "experimentName": "my-experiment", "priority": 3 },
          "code_id": "azureai://accounts/a/projects/p/data/code/versions/1",
          "compute_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/c",
          "training": {
            "algorithm": "grpo",
            "framework": "trl",
            "resolved_framework": "trl",
            "framework_version": "0.21.0",
            "model": "azureai://registries/azureml/models/qwen-base/versions/1",
            "dataset": { "train": "azureai://data/train/versions/1", "eval": "azureai://data/eval/versions/1" },
            "hyperparameters": { "learning_rate": 0.0001, "num_train_epochs": 3, "per_device_train_batch_size": 2 },
            "reward": { "kind": "inline_function", "inline_function": { "def": "def score(samples, **kwargs):\n    return [1.0 for _ in samples]", "runtime": { "pip": ["numpy>=1.26"] } } },
            "lora": { "rank": 16, "alpha": 32, "dropout": 0.05, "target_modules": "auto", "quantize": true },
            "rollout": { "engine": "vllm", "tensor_parallel_size": 2, "gpu_memory_utilization": 0.9 },
            "eval": { "benchmark": "gsm8k", "every_n_steps": 100 }
          },
          "inputs": {
            "extra_context": { "job_input_type": "uri_folder", "uri": "azureai://datastores/s/paths/context", "mode": "read_only_mount" },
            "learning_rate": { "job_input_type": "literal", "value": "0.001" }
          },
          "outputs": {
            "model": {
              "job_output_type": "safetensors_model", "mode": "read_write_mount", "asset_name": "my-trained-model", "asset_version": "1",
              "uri": "azureai://datastores/w/paths/outputs/model", "base_model_id": "azureai://registries/azureml/models/qwen-base/versions/1",
              "description": "Trained model output"
            }
          },
          "environment_variables": { "AZUREML_DATASET_FILE": "/mnt/data/train.csv" },
          "resources": { "instance_count": 2, "instance_type": "Standard_NC6s_v3", "shm_size": "2g", "docker_args": "--privileged", "properties": { "spot": true } },
          "gpu_count": 4,
          "distribution": { "distribution_type": "pytorch", "process_count_per_instance": 4 },
          "limits": { "job_limits_type": "command", "timeout": "PT2H30M" },
          "queue_settings": { "job_tier": "Standard" },
          "user_assigned_identity_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id",
          "status": "NotStarted"
        }
        """;

    [Fact]
    public void CommandJob_RoundTripsEveryPropertyTyped()
    {
        var job = JobsJson.RoundTrip<JobProperties>(FullCommandJob).Should().BeOfType<CommandJob>().Subject;

        job.JobType.Should().Be(JobType.Command);
        job.DisplayName.Should().Be("My Training Job");
        job.Description.Should().Be("A sample declarative training job");
        job.Tags["framework"]!.GetValue<string>().Should().Be("trl");
        job.Properties["priority"]!.GetValue<int>().Should().Be(3);
        job.CodeId.Should().Be("azureai://accounts/a/projects/p/data/code/versions/1");
        job.ComputeId.Should().EndWith("/computes/c");
        job.Command.Should().BeNull();
        job.EnvironmentImageReference.Should().BeNull();
        job.Inputs.Should().HaveCount(2);
        job.Inputs["extra_context"].JobInputType.Should().Be(AssetTypes.UriFolder);
        job.Inputs["extra_context"].Uri.Should().Be("azureai://datastores/s/paths/context");
        job.Inputs["extra_context"].Mode.Should().Be(InputOutputModes.ReadOnlyMount);
        job.Inputs["learning_rate"].JobInputType.Should().Be(AssetTypes.Literal);
        job.Inputs["learning_rate"].Value.Should().Be("0.001");
        JobOutput output = job.Outputs["model"];
        output.JobOutputType.Should().Be(AssetTypes.SafetensorsModel);
        output.Mode.Should().Be(InputOutputModes.ReadWriteMount);
        output.AssetName.Should().Be("my-trained-model");
        output.AssetVersion.Should().Be("1");
        output.Uri.Should().Be("azureai://datastores/w/paths/outputs/model");
        output.BaseModelId.Should().Be("azureai://registries/azureml/models/qwen-base/versions/1");
        output.Description.Should().Be("Trained model output");
        job.EnvironmentVariables["AZUREML_DATASET_FILE"]!.GetValue<string>().Should().Be("/mnt/data/train.csv");
        job.Resources!.InstanceCount.Should().Be(2);
        job.Resources.InstanceType.Should().Be("Standard_NC6s_v3");
        job.Resources.ShmSize.Should().Be("2g");
        job.Resources.DockerArgs.Should().Be("--privileged");
        job.Resources.Properties["spot"]!.GetValue<bool>().Should().BeTrue();
        job.GpuCount.Should().Be(4);
        job.Distribution.Should().BeOfType<PyTorchDistribution>().Which.ProcessCountPerInstance.Should().Be(4);
        job.Limits!.JobLimitsType.Should().Be("command");
        job.Limits.Timeout.Should().Be(TimeSpan.FromMinutes(150));
        job.QueueSettings!.JobTier.Should().Be("Standard");
        job.UserAssignedIdentityId.Should().EndWith("/userAssignedIdentities/id");
        job.Status.Should().Be("NotStarted");

        var training = job.Training.Should().BeOfType<GrpoTrainingConfiguration>().Subject;
        training.Algorithm.Should().Be(TrainingAlgorithm.Grpo);
        training.Framework.Should().Be(TrainingFramework.Trl);
        training.ResolvedFramework.Should().Be(TrainingFramework.Trl);
        training.FrameworkVersion.Should().Be("0.21.0");
        training.Dataset.Eval.Should().Be("azureai://data/eval/versions/1");
        training.LearningRate.Should().Be(0.0001);
        training.NumTrainEpochs.Should().Be(3);
        training.PerDeviceTrainBatchSize.Should().Be(2);
        var reward = training.Reward.Should().BeOfType<TrainingInlineFunctionRewardConfiguration>().Subject;
        reward.InlineFunction.Definition.Should().StartWith("def score(samples");
        reward.InlineFunction.Runtime!.Pip.Should().Equal("numpy>=1.26");
        training.Lora!.Quantize.Should().BeTrue();
        training.Rollout!.TensorParallelSize.Should().Be(2);
        training.Eval!.Benchmark.Should().Be(TrainingEvalBenchmark.Gsm8k);
        job.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void TrainingJob_RoundTripsWithSystemDataInUnixSeconds()
    {
        string json = $$"""
            {
              "name": "my_training_job_01",
              "id": "/training_jobs/my_training_job_01",
              "type": "Microsoft.MachineLearningServices/workspaces/training_jobs",
              "properties": {{FullCommandJob}},
              "system_data": {
                "created_at": 1577882096, "created_by": "user@example.com", "created_by_type": "User",
                "last_modified_at": 1577882097, "last_modified_by": "app", "last_modified_by_type": "Application"
              },
              "latest_attempt": { "id": "2", "status": "running" }
            }
            """;

        TrainingJob job = JobsJson.RoundTrip<TrainingJob>(json);

        job.Name.Should().Be("my_training_job_01");
        job.Id.Should().Be("/training_jobs/my_training_job_01");
        job.Type.Should().Be("Microsoft.MachineLearningServices/workspaces/training_jobs");
        job.Properties.Should().BeOfType<CommandJob>().Which.Training.Should().BeOfType<GrpoTrainingConfiguration>();
        job.SystemData!.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1577882096));
        job.SystemData.CreatedBy.Should().Be("user@example.com");
        job.SystemData.CreatedByType.Should().Be("User");
        job.SystemData.LastModifiedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1577882097));
        job.SystemData.LastModifiedBy.Should().Be("app");
        job.SystemData.LastModifiedByType.Should().Be("Application");
        job.AdditionalProperties.Should().ContainKey("latest_attempt");
    }

    [Fact]
    public void SystemData_RoundTrips() =>
        JobsJson.RoundTrip<SystemData>("""{"created_at":1577882096,"created_by":"u","future":1}""").CreatedBy.Should().Be("u");

    [Fact]
    public void JobCreate_WritesNameAndProperties()
    {
        var body = new JobCreate("job-1", new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "env:1" });
        JsonAssert.Equivalent(
            """{"name":"job-1","properties":{"job_type":"command","compute_id":"compute","command":"python train.py","environment_image_reference":"env:1"}}""",
            JobsJson.Write(body));
        JobsJson.RoundTrip<JobCreate>(JobsJson.Write(body)).Properties.Should().BeOfType<CommandJob>();
    }

    [Theory]
    [InlineData("""{"job_input_type":"uri_file","uri":"azureai://f.csv","mode":"download"}""")]
    [InlineData("""{"job_input_type":"literal","value":"0.001","future":[1]}""")]
    [InlineData("""{"jobInputType":"uri_folder","uri":"u"}""")]
    public void JobInput_RoundTrips(string json) => JobsJson.RoundTrip<JobInput>(json);

    [Fact]
    public void JobInput_MissingTypeIsNotWrittenAsNull()
    {
        JobInput input = JobsJson.RoundTrip<JobInput>("""{"uri":"u"}""");
        input.JobInputType.ToString().Should().BeNull();
        JobsJson.Write(input).Should().Be("""{"uri":"u"}""");
    }

    [Fact]
    public void JobOutput_RoundTrips()
    {
        JobOutput output = JobsJson.RoundTrip<JobOutput>("""{"job_output_type":"uri_folder","mode":"upload","asset_name":"a","asset_version":"2","uri":"u","base_model_id":"b","description":"d"}""");
        output.Mode.Should().Be(InputOutputModes.Upload);
        output.AssetVersion.Should().Be("2");
    }

    [Fact]
    public void JobService_RoundTripsWithNodesTypedAsTheFamilyBase()
    {
        JobService service = JobsJson.RoundTrip<JobService>(
            """{"job_service_type":"studio","port":8080,"endpoint":"https://studio.example.com","properties":{"a":{"b":1}},"nodes":{"nodes_value_type":"all"},"status":"Running","error_message":"none"}""");
        service.JobServiceType.Should().Be(JobServiceType.Studio);
        service.Port.Should().Be(8080);
        service.Endpoint.Should().Be(new Uri("https://studio.example.com"));
        service.Properties["a"]!["b"]!.GetValue<int>().Should().Be(1);
        service.Nodes.Should().BeOfType<AllNodes>().Which.NodesValueType.Should().Be("all");
        service.Status.Should().Be("Running");
        service.ErrorMessage.Should().Be("none");
    }

    [Fact]
    public void JobService_UnknownNodesValueTypeRoundTrips()
    {
        JobService service = JobsJson.RoundTrip<JobService>("""{"nodes":{"indices":[0,2],"nodes_value_type":"list"}}""");
        service.Nodes.Should().BeOfType<UnknownNodeCollection>().Which.NodesValueType.Should().Be("list");
    }

    [Theory]
    [InlineData("""{"instance_count":1,"instance_type":"t","properties":{"k":[1,"x",null]},"shm_size":"512m","docker_args":"--ipc=host"}""")]
    [InlineData("""{}""")]
    public void JobResourceConfiguration_RoundTrips(string json) => JobsJson.RoundTrip<JobResourceConfiguration>(json);

    [Fact]
    public void CommandJobLimits_RoundTripsAndKeepsTheServicesSpelling()
    {
        JobsJson.RoundTrip<CommandJobLimits>("""{"job_limits_type":"command","timeout":"P1DT1S"}""").Timeout.Should().Be(TimeSpan.FromSeconds(86401));
        JobsJson.RoundTrip<CommandJobLimits>("""{"job_limits_type":"Command"}""").JobLimitsType.Should().Be("Command");
        JsonAssert.Equivalent("""{"job_limits_type":"command","timeout":"PT1H"}""", JobsJson.Write(new CommandJobLimits { Timeout = TimeSpan.FromHours(1) }));
    }

    [Fact]
    public void QueueSettings_RoundTrips() => JobsJson.RoundTrip<QueueSettings>("""{"job_tier":"Spot"}""").JobTier.Should().Be("Spot");

    [Fact]
    public void RecordValues_RoundTripAnyJson()
    {
        const string json = """{"job_type":"command","compute_id":"c","tags":{"s":"x","n":1.5,"b":false,"nil":null,"o":{"deep":[1,{"x":2}]},"a":[]}}""";
        var job = (CommandJob)JobsJson.RoundTrip<JobProperties>(json);
        job.Tags.Should().ContainKey("nil").WhoseValue.Should().BeNull();
        job.Tags["o"]!["deep"]![1]!["x"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void OptionalCollections_AreNotWrittenWhenOnlyRead_ButKeptWhenSent()
    {
        var job = new CommandJob("c");
        _ = job.Tags.Count + job.Properties.Count + job.Inputs.Count + job.Outputs.Count + job.EnvironmentVariables.Count;
        JobsJson.Write<JobProperties>(job).Should().Be("""{"job_type":"command","compute_id":"c"}""");

        JobsJson.RoundTrip<JobProperties>("""{"job_type":"command","compute_id":"c","tags":{},"inputs":{},"environment_variables":{}}""");

        job.Tags["team"] = "nlp";
        job.Inputs["data"] = new JobInput(AssetTypes.UriFolder) { Uri = "u" };
        JsonAssert.Equivalent(
            """{"job_type":"command","compute_id":"c","tags":{"team":"nlp"},"inputs":{"data":{"job_input_type":"uri_folder","uri":"u"}}}""",
            JobsJson.Write<JobProperties>(job));
    }

    [Fact]
    public void UnknownJobType_RoundTripsInsideATrainingJob()
    {
        const string json = """{"name":"j","properties":{"compute_id":"c","job_type":"sweep","trials":4}}""";
        var properties = JobsJson.RoundTrip<TrainingJob>(json).Properties.Should().BeOfType<UnknownJobProperties>().Subject;
        properties.JobType.Should().Be(new JobType("sweep"));
        properties.AdditionalProperties.Should().ContainKeys("compute_id", "trials");
        properties.Validate().IsValid.Should().BeTrue();
    }

    [Fact]
    public void MissingJobType_IsUnknownWithNullJobType()
    {
        JobsJson.RoundTrip<JobProperties>("""{"jobType":"Command","computeId":"c"}""")
            .Should().BeOfType<UnknownJobProperties>().Which.JobType.Should().BeNull();
    }

    [Fact]
    public void UnknownAlgorithmInsideCommandJobInsideTrainingJob_RoundTrips()
    {
        const string json = """
            {"name":"j","properties":{"job_type":"command","compute_id":"c","training":{"model":"m","dataset":{"train":"t"},"algorithm":"dapo","clip_higher":0.28,"hyperparameters":{"learning_rate":1e-6}}}}
            """;
        var job = (CommandJob)JobsJson.RoundTrip<TrainingJob>(json).Properties;
        var training = job.Training.Should().BeOfType<UnknownTrainingConfiguration>().Subject;
        training.Algorithm.Should().Be(new TrainingAlgorithm("dapo"));
        training.Model.Should().Be("m");
        training.Dataset.Train.Should().Be("t");
        training.LearningRate.Should().Be(1e-6);
        training.AdditionalProperties.Should().ContainKey("clip_higher");
    }

    [Fact]
    public void PageOfJobs_WithUnknownAlgorithmAndJobType_Parses()
    {
        const string json = """
            {"data":[
              {"name":"a","properties":{"job_type":"command","compute_id":"c","training":{"algorithm":"sft","model":"m","dataset":{"train":"t"}}}},
              {"name":"b","properties":{"job_type":"command","compute_id":"c","training":{"algorithm":"future_rl","model":"m","dataset":{"train":"t"},"reward":{"kind":"oracle"}}}},
              {"name":"c","properties":{"job_type":"pipeline"}}
            ],"first_id":"a","last_id":"c","has_more":false}
            """;
        PageContent<TrainingJob> page = PageContent<TrainingJob>.Parse(Encoding.UTF8.GetBytes(json), ModelSerialization.GetTypeInfo<TrainingJob>());

        page.Items.Select(j => j.Name).Should().Equal("a", "b", "c");
        page.HasMore.Should().BeFalse();
        page.LastId.Should().Be("c");
        ((CommandJob)page.Items[0].Properties).Training.Should().BeOfType<SftTrainingConfiguration>();
        ((CommandJob)page.Items[1].Properties).Training.Should().BeOfType<UnknownTrainingConfiguration>()
            .Which.Algorithm.Should().Be(new TrainingAlgorithm("future_rl"));
        page.Items[2].Properties.Should().BeOfType<UnknownJobProperties>();
        JsonNode.Parse(json)!["data"]!.AsArray().Select((item, i) => (item, i)).ToList()
            .ForEach(x => JsonAssert.Equivalent(x.item!.ToJsonString(), JobsJson.Write(page.Items[x.i])));
    }

    [Fact]
    public void CommandJob_DeserializedWithoutComputeId_KeepsItAbsent()
    {
        var job = (CommandJob)JobsJson.RoundTrip<JobProperties>("""{"job_type":"command"}""");
        job.ComputeId.Should().BeNull();
    }

    [Fact]
    public void AdditionalProperties_AddedInCodeAreSent()
    {
        var job = new CommandJob("c");
        job.AdditionalProperties["is_archived"] = JsonSerializer.SerializeToElement(true);
        JsonAssert.Equivalent("""{"job_type":"command","compute_id":"c","is_archived":true}""", JobsJson.Write<JobProperties>(job));
    }
}
