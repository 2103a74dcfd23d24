using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

/// <summary>
/// Round trips (JSON → model → JSON, compared semantically) of the read-only resources of a training job: attempts,
/// artifacts, metrics, outputs, services and operations. Each document carries every property of models.tsp, a
/// property the SDK does not know and, where the model has one, an open-enum value the SDK does not know.
/// </summary>
public class ResourceModelTests
{
    [Fact]
    public void JobAttempt_EveryProperty()
    {
        const string json = """
            {
              "id": "3", "job_name": "job-1", "status": "preempting", "status_reason": "Spot eviction",
              "started_at": 1767225600, "ended_at": 1767229200, "last_started_at": 1767226000, "compute_duration": "PT1H30M",
              "queueing_info": { "position": 2, "queue": "gpu", "eta": null },
              "compute_details": { "vm_size": "Standard_ND96asr_v4", "instance_type": "nd96", "instance_count": 2, "gpu_count": 16, "region": "eastus2", "properties": { "zone": "1" }, "rack": "r7" },
              "error": { "code": "NodeFailure", "message": "node 3 failed", "details": { "node": 3 }, "retryable": true },
              "warnings": [ { "code": "SlowStorage", "message": "slow", "details": { "mbps": 12.5 }, "severity": "low" } ],
              "is_latest": true,
              "backend_run_id": "run-9"
            }
            """;

        JobAttempt attempt = JobsJson.RoundTrip<JobAttempt>(json);

        attempt.Id.Should().Be("3");
        attempt.JobName.Should().Be("job-1");
        attempt.Status.Should().Be(new JobAttemptStatus("preempting"));
        attempt.Status.Should().NotBe(JobAttemptStatus.Running);
        attempt.StatusReason.Should().Be("Spot eviction");
        attempt.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        attempt.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
        attempt.LastStartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767226000));
        attempt.ComputeDuration.Should().Be(TimeSpan.FromMinutes(90));
        attempt.QueueingInfo!["queue"]!.GetValue<string>().Should().Be("gpu");
        attempt.QueueingInfo.Should().ContainKey("eta").WhoseValue.Should().BeNull();
        JobAttemptComputeDetails compute = attempt.ComputeDetails!;
        (compute.VmSize, compute.InstanceType, compute.InstanceCount, compute.GpuCount, compute.Region)
            .Should().Be(("Standard_ND96asr_v4", "nd96", 2, 16, "eastus2"));
        compute.Properties!["zone"]!.GetValue<string>().Should().Be("1");
        compute.AdditionalProperties.Should().ContainKey("rack");
        attempt.Error!.Code.Should().Be("NodeFailure");
        attempt.Error.Message.Should().Be("node 3 failed");
        attempt.Error.Details!["node"]!.GetValue<int>().Should().Be(3);
        attempt.Error.AdditionalProperties.Should().ContainKey("retryable");
        JobAttemptWarning warning = attempt.Warnings!.Single();
        (warning.Code, warning.Message).Should().Be(("SlowStorage", "slow"));
        warning.Details!["mbps"]!.GetValue<double>().Should().Be(12.5);
        warning.AdditionalProperties.Should().ContainKey("severity");
        attempt.IsLatest.Should().BeTrue();
        attempt.AdditionalProperties.Should().ContainKey("backend_run_id");
    }

    [Fact]
    public void JobAttempt_OnlyTheRequiredProperties() =>
        JobsJson.RoundTrip<JobAttempt>("""{"id":"1","job_name":"j"}""").Status.Should().BeNull();

    [Theory]
    [InlineData("""{"vm_size":"s","instance_type":"t","instance_count":1,"gpu_count":8,"region":"r","properties":{"a":[1,{"b":null}]}}""")]
    [InlineData("""{}""")]
    public void JobAttemptComputeDetails_RoundTrips(string json) => JobsJson.RoundTrip<JobAttemptComputeDetails>(json);

    [Theory]
    [InlineData("""{"code":"c","message":"m","details":{"k":"v"},"extra":1}""")]
    [InlineData("""{}""")]
    public void JobAttemptErrorAndWarning_RoundTrip(string json)
    {
        JobsJson.RoundTrip<JobAttemptError>(json);
        JobsJson.RoundTrip<JobAttemptWarning>(json);
    }

    [Fact]
    public void JobArtifact_EveryProperty()
    {
        JobArtifact artifact = JobsJson.RoundTrip<JobArtifact>(
            """{"path":"outputs/model/","type":"symlink","size":9007199254740993,"created_at":1767225600,"updated_at":1767229200,"etag":"0x1"}""");

        artifact.Path.Should().Be("outputs/model/");
        artifact.Type.Should().Be(new JobArtifactType("symlink"));
        artifact.Size.Should().Be(9007199254740993L, "int64 sizes beyond 2^53 are kept exactly");
        artifact.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        artifact.UpdatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
        artifact.AdditionalProperties.Should().ContainKey("etag");
        JobsJson.RoundTrip<JobArtifact>("""{"path":"a.txt","type":"file"}""").Type.Should().Be(JobArtifactType.File);
    }

    [Fact]
    public void JobArtifactContentInfo_EveryProperty()
    {
        JobArtifactContentInfo info = JobsJson.RoundTrip<JobArtifactContentInfo>(
            """{"path":"logs/train.log","content_uri":"https://storage.example.com/c/train.log?sv=1&sig=x","content_type":"text/plain","expires_at":1767233000,"content_length":12}""");

        info.Path.Should().Be("logs/train.log");
        info.ContentUri.Should().Be(new Uri("https://storage.example.com/c/train.log?sv=1&sig=x"));
        info.ContentType.Should().Be("text/plain");
        info.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767233000));
        info.AdditionalProperties.Should().ContainKey("content_length");
    }

    [Fact]
    public void JobMetric_EveryProperty()
    {
        JobMetric metric = JobsJson.RoundTrip<JobMetric>("""{"name":"eval/table","metric_type":"histogram","columns":{"x":"float","y":{"type":"int"}},"unit":"s"}""");

        metric.Name.Should().Be("eval/table");
        metric.MetricType.Should().Be(new JobMetricType("histogram"));
        metric.Columns!["y"]!["type"]!.GetValue<string>().Should().Be("int");
        metric.AdditionalProperties.Should().ContainKey("unit");
        JobsJson.RoundTrip<JobMetric>("""{"name":"loss","metric_type":"scalar"}""").MetricType.Should().Be(JobMetricType.Scalar);
    }

    [Fact]
    public void JobMetricPoint_EveryProperty()
    {
        JobMetricPoint point = JobsJson.RoundTrip<JobMetricPoint>("""{"metric_id":"m1","step":9223372036854775807,"created_at":1767225600,"data":{"value":0.25,"tags":["a"]},"epoch":1}""");

        point.MetricId.Should().Be("m1");
        point.Step.Should().Be(long.MaxValue);
        point.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        point.Data!["value"]!.GetValue<double>().Should().Be(0.25);
        point.Value.Should().Be(0.25);
        point.GetNumber("tags").Should().BeNull();
        point.AdditionalProperties.Should().ContainKey("epoch");
    }

    [Fact]
    public void JobMetricLastValue_EveryProperty()
    {
        JobMetricLastValue last = JobsJson.RoundTrip<JobMetricLastValue>("""{"name":"loss","value":{"step":3,"data":{"value":1.5}},"x":true}""");

        last.Name.Should().Be("loss");
        last.Point!.Step.Should().Be(3);
        last.Value.Should().Be(1.5);
        last.Step.Should().Be(3);
        last.CreatedAt.Should().BeNull();
        last.AdditionalProperties.Should().ContainKey("x");
        JobMetricLastValue empty = JobsJson.RoundTrip<JobMetricLastValue>("""{"name":"loss"}""");
        empty.Point.Should().BeNull();
        empty.Value.Should().BeNull();
        empty.Step.Should().BeNull();
    }

    [Fact]
    public void JobMetricAggregate_EveryProperty()
    {
        JobMetricAggregate aggregate = JobsJson.RoundTrip<JobMetricAggregate>(
            """{"name":"loss","started_at":1767225600,"ended_at":1767229200,"values":{"mean":1.2,"p99":null,"count":10},"window":"PT1H"}""");

        aggregate.Name.Should().Be("loss");
        aggregate.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        aggregate.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
        aggregate.Values!["count"]!.GetValue<int>().Should().Be(10);
        aggregate.Mean.Should().Be(1.2);
        aggregate.Min.Should().BeNull();
        aggregate.GetNumber("count").Should().Be(10);
        aggregate.GetNumber("p99").Should().BeNull();
        aggregate.AdditionalProperties.Should().ContainKey("window");
    }

    [Fact]
    public void JobMetricSample_EveryProperty()
    {
        JobMetricSample sample = JobsJson.RoundTrip<JobMetricSample>("""{"name":"loss","points":[{"step":1,"data":{"value":3}},{"step":100,"future":"x"}],"strategy":"lttb"}""");

        sample.Name.Should().Be("loss");
        sample.Points.Select(p => p.Step).Should().Equal(1L, 100L);
        sample.Points[1].AdditionalProperties.Should().ContainKey("future");
        sample.AdditionalProperties.Should().ContainKey("strategy");
        JobsJson.RoundTrip<JobMetricSample>("""{"name":"loss","points":[]}""").Points.Should().BeEmpty();
    }

    [Fact]
    public void JobOutputReference_EveryProperty()
    {
        JobOutputReference output = JobsJson.RoundTrip<JobOutputReference>(
            """
            {"name":"model","type":"mlflow_model","mode":"stream","uri":"azureai://datastores/ws/paths/model","asset_name":"qwen-math",
             "asset_version":"2","base_model_id":"azureai://registries/azureml/models/qwen/versions/1","description":"Trained","registered_at":1767225600}
            """);

        output.Name.Should().Be("model");
        output.Type.Should().Be(new AssetTypes("mlflow_model"));
        output.Mode.Should().Be(new InputOutputModes("stream"));
        output.Uri.Should().Be("azureai://datastores/ws/paths/model");
        output.AssetName.Should().Be("qwen-math");
        output.AssetVersion.Should().Be("2");
        output.BaseModelId.Should().Be("azureai://registries/azureml/models/qwen/versions/1");
        output.Description.Should().Be("Trained");
        output.AdditionalProperties.Should().ContainKey("registered_at");
    }

    [Fact]
    public void JobExecutionAssetReference_EveryProperty()
    {
        JobExecutionAssetReference input = JobsJson.RoundTrip<JobExecutionAssetReference>(
            """{"name":"training_data","type":"UriFolder","asset_id":"azureai://datasets/train/versions/3","mode":"ro_mount"}""");

        input.Name.Should().Be("training_data");
        input.Type.Should().Be("UriFolder");
        input.AssetId.Should().Be("azureai://datasets/train/versions/3");
        input.AdditionalProperties.Should().ContainKey("mode");
        JobsJson.RoundTrip<JobExecutionAssetReference>("""{"name":"seed"}""").AssetId.Should().BeNull();
    }

    [Fact]
    public void TrainingJobServiceCollection_EveryProperty()
    {
        const string json = """
            {"services":{
               "Studio":{"type":"studio","port":443,"status":"Running","endpoint":"https://studio.example.com/j","properties":{"a":1}},
               "Debug":{"type":"ssh","port":22,"status":"Failed","error":{"code":"PortBlocked","message":"closed"},"host_key":"k"}
             },
             "node_id":1}
            """;

        TrainingJobServiceCollection collection = JobsJson.RoundTrip<TrainingJobServiceCollection>(json);

        TrainingJobService studio = collection.Services["Studio"];
        studio.Type.Should().Be(JobServiceType.Studio);
        studio.Port.Should().Be(443);
        studio.Status.Should().Be("Running");
        studio.Error.Should().BeNull();
        studio.Endpoint.Should().Be(new Uri("https://studio.example.com/j"));
        studio.Properties!["a"]!.GetValue<int>().Should().Be(1);
        TrainingJobService debug = collection.Services["Debug"];
        debug.Type.Should().Be(new JobServiceType("ssh"));
        debug.Error!["code"]!.GetValue<string>().Should().Be("PortBlocked");
        debug.AdditionalProperties.Should().ContainKey("host_key");
        collection.AdditionalProperties.Should().ContainKey("node_id");
        JobsJson.RoundTrip<TrainingJobService>("""{"type":"tracking","endpoint":"https://t.example.com"}""").Type.Should().Be(JobServiceType.Tracking);
    }

    [Fact]
    public void JobOperationResource_EveryProperty()
    {
        const string json = """
            {"id":"/operations/op-1","name":"op-1","status":"rolling_back","properties":{"job_name":"job-1","stage":2},
             "started_at":1767229000,"ended_at":1767229060,"percent_complete":42.5,
             "error":{"code":"JobInUse","message":"referenced","details":{"deployment":"d1"},"target":"job-1"},"kind":"delete"}
            """;

        JobOperationResource operation = JobsJson.RoundTrip<JobOperationResource>(json);

        operation.Id.Should().Be("/operations/op-1");
        operation.Name.Should().Be("op-1");
        operation.Status.Should().Be(new JobOperationStatus("rolling_back"));
        operation.Properties!["stage"]!.GetValue<int>().Should().Be(2);
        operation.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229000));
        operation.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229060));
        operation.PercentComplete.Should().Be(42.5);
        operation.Error!.Code.Should().Be("JobInUse");
        operation.Error.Message.Should().Be("referenced");
        operation.Error.Details!["deployment"]!.GetValue<string>().Should().Be("d1");
        operation.Error.AdditionalProperties.Should().ContainKey("target");
        operation.AdditionalProperties.Should().ContainKey("kind");
        JobsJson.RoundTrip<JobOperationResource>("""{"status":"deleting"}""").Status.Should().Be(JobOperationStatus.Deleting);
    }

    [Fact]
    public void JobOperationError_RoundTrips() =>
        JobsJson.RoundTrip<JobOperationError>("""{"code":"c","message":"m","details":{"x":[1]},"more":{}}""").Details!["x"]![0]!.GetValue<int>().Should().Be(1);
}
