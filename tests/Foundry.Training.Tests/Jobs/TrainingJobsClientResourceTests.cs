using System.Text.Json.Nodes;
using Azure;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs;

public sealed class TrainingJobsClientResourceTests : JobsTestBase
{
    private const string Job = "/api/projects/proj/training_jobs/job-1";

    [Fact]
    public async Task GetAttempts_SendsPagingAndParsesEveryField()
    {
        Load("attempts.json");

        var attempts = new List<JobAttempt>();
        await foreach (JobAttempt a in Client.GetAttemptsAsync("job-1", new TrainingListOptions { Limit = 10, Order = ListSortOrder.Ascending }))
        {
            attempts.Add(a);
        }

        var entry = Service.SingleRequest;
        AssertFoundryRequest(entry, "GET", Job + "/attempts");
        QueryOf(entry).Should().Equal(new Dictionary<string, string> { ["limit"] = "10", ["order"] = "asc" });
        attempts.Should().HaveCount(2);
        JobAttempt first = attempts[0];
        first.Id.Should().Be("1");
        first.JobName.Should().Be("job-1");
        first.Status.Should().Be(JobAttemptStatus.Failed);
        first.StatusReason.Should().Be("Node preempted");
        first.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        first.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229200));
        first.ComputeDuration.Should().Be(TimeSpan.FromHours(1));
        first.QueueingInfo!["position"]!.GetValue<int>().Should().Be(0);
        first.ComputeDetails!.VmSize.Should().Be("Standard_ND96asr_v4");
        first.ComputeDetails.GpuCount.Should().Be(16);
        first.ComputeDetails.Properties!["zone"]!.GetValue<string>().Should().Be("2");
        first.Error!.Code.Should().Be("NodePreempted");
        first.Error.Details!["node"]!.GetValue<int>().Should().Be(3);
        first.Warnings!.Single().Code.Should().Be("SlowStorage");
        first.IsLatest.Should().BeFalse();
        attempts[1].AdditionalProperties.Should().ContainKey("backend_run_id");
    }

    [Fact]
    public void GetAttempt_Sync()
    {
        Load("attempt_get.json");

        JobAttempt attempt = Client.GetAttempt("job-1", "2").Value;

        AssertFoundryRequest(Service.SingleRequest, "GET", Job + "/attempts/2");
        attempt.Status.Should().Be(JobAttemptStatus.Running);
        attempt.IsLatest.Should().BeTrue();
    }

    [Fact]
    public async Task GetArtifacts_PagesWithPathPrefixAndCursor()
    {
        Load("artifacts.json");

        var paths = new List<string>();
        await foreach (JobArtifact artifact in Client.GetArtifactsAsync("job-1", TrainingJobsClient.LatestAttempt, new ArtifactListOptions { PathPrefix = "outputs/" }))
        {
            paths.Add(artifact.Path);
        }

        paths.Should().Equal("outputs/model/config.json", "outputs/model/", "outputs/model/weights.safetensors");
        var requests = Service.Requests;
        AssertFoundryRequest(requests[0], "GET", Job + "/attempts/latest/artifacts");
        QueryOf(requests[0]).Should().Equal(new Dictionary<string, string> { ["path_prefix"] = "outputs/" });
        QueryOf(requests[1]).Should().Equal(new Dictionary<string, string> { ["path_prefix"] = "outputs/", ["after"] = "outputs/model/" });
    }

    [Fact]
    public async Task GetArtifacts_PageSizeHintAndResume()
    {
        Load("artifacts.json");

        var pages = new List<Page<JobArtifact>>();
        await foreach (Page<JobArtifact> page in Client.GetArtifactsAsync("job-1", "latest", new ArtifactListOptions { PathPrefix = "outputs/" }).AsPages("outputs/model/", 5))
        {
            pages.Add(page);
        }

        pages.Should().ContainSingle().Which.Values.Single().Size.Should().Be(1048576);
        QueryOf(Service.SingleRequest).Should().Equal(new Dictionary<string, string> { ["path_prefix"] = "outputs/", ["after"] = "outputs/model/", ["limit"] = "5" });
    }

    [Fact]
    public async Task GetArtifactMetadata_EscapesThePathQuery()
    {
        Load("artifact_metadata.json");

        JobArtifact artifact = (await Client.GetArtifactMetadataAsync("job-1", "2", "outputs/logs/train log.txt")).Value;

        AssertFoundryRequest(Service.SingleRequest, "GET", Job + "/attempts/2/artifacts/metadata");
        QueryOf(Service.SingleRequest).Should().Equal(new Dictionary<string, string> { ["path"] = "outputs/logs/train log.txt" });
        Service.SingleRequest.RequestMessage.RawQuery.Should().Be("?api-version=v1&path=outputs%2Flogs%2Ftrain%20log.txt");
        artifact.Type.Should().Be(JobArtifactType.File);
        artifact.Size.Should().Be(42);
    }

    [Fact]
    public async Task GetArtifactContentInfo()
    {
        Load("artifact_content_info.json");

        JobArtifactContentInfo info = (await Client.GetArtifactContentInfoAsync("job-1", "2", "outputs/model/config.json")).Value;

        AssertFoundryRequest(Service.SingleRequest, "GET", Job + "/attempts/2/artifacts/content_info");
        info.ContentUri.Should().Be(new Uri("https://storage.example.com/c/config.json?sv=2024&sig=SECRET"));
        info.ContentType.Should().Be("application/json");
        info.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767233000));
    }

    [Fact]
    public async Task DownloadArtifact_StreamsTheContent()
    {
        Load("artifact_content.json");

        Response<Stream> response = await Client.DownloadArtifactAsync("job-1", "2", "outputs/logs/train.log");
        using var reader = new StreamReader(response.Value);

        (await reader.ReadToEndAsync()).Should().Be("step=1 loss=2.5\nstep=2 loss=2.1\n");
        var request = AssertFoundryRequest(Service.SingleRequest, "GET", Job + "/attempts/2/artifacts/content");
        request.Headers!["Accept"].Should().Equal("*/*");
    }

    [Fact]
    public async Task DownloadArtifact_ErrorIsARequestFailedException()
    {
        Func<Task> download = async () => await Client.DownloadArtifactAsync("job-1", "2", "missing.txt");

        (await download.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task GetMetrics_And_LastValues()
    {
        Load("metrics.json", "metric_last_values.json");

        var metrics = new List<JobMetric>();
        await foreach (JobMetric metric in Client.GetMetricsAsync("job-1", "latest"))
        {
            metrics.Add(metric);
        }

        var last = Client.GetMetricLastValues("job-1", "latest").ToList();

        metrics.Select(m => m.Name).Should().Equal("train/loss", "eval/samples");
        metrics[0].MetricType.Should().Be(JobMetricType.Scalar);
        metrics[0].Columns!["value"]!.GetValue<string>().Should().Be("float");
        last.Single().Point!.Step.Should().Be(200);
        last.Single().Point!.Data!["value"]!.GetValue<double>().Should().Be(0.42);
        last.Single().Value.Should().Be(0.42);
        last.Single().Step.Should().Be(200);
        AssertFoundryRequest(Service.Requests[0], "GET", Job + "/attempts/latest/metrics");
        AssertFoundryRequest(Service.Requests[1], "GET", Job + "/attempts/latest/metrics/last_values");
    }

    [Fact]
    public async Task GetMetricPoints_PagesByStepWithTheFullRange()
    {
        Load("metric_points.json");
        var options = new MetricQueryOptions
        {
            MinStep = 10,
            MaxStep = 100,
            Limit = 2,
            StartedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600),
            EndedAt = DateTimeOffset.FromUnixTimeSeconds(1767240000),
        };

        var steps = new List<long>();
        await foreach (JobMetricPoint point in Client.GetMetricPointsAsync("job-1", "latest", "train/loss", options))
        {
            steps.Add(point.Step!.Value);
        }

        steps.Should().Equal(10, 20, 30);
        var requests = Service.Requests;
        requests[0].RequestMessage.Url.Should().Contain("/metrics/train%2Floss?");
        QueryOf(requests[0]).Should().Equal(new Dictionary<string, string> { ["started_at"] = "1767225600", ["ended_at"] = "1767240000", ["min_step"] = "10", ["max_step"] = "100", ["limit"] = "2" });
        QueryOf(requests[1]).Should().Equal(new Dictionary<string, string> { ["started_at"] = "1767225600", ["ended_at"] = "1767240000", ["min_step"] = "21", ["max_step"] = "100", ["limit"] = "2" });
    }

    [Fact]
    public void GetMetricAggregates_Samples_Sample()
    {
        Load("metric_aggregates.json", "metric_samples.json", "metric_sample.json");

        JobMetricAggregate aggregate = Client.GetMetricAggregates("job-1", "latest", "train/loss").Single();
        JobMetricSample samples = Client.GetMetricSamples("job-1", "latest", "train/loss", new MetricQueryOptions { Limit = 2 }).Value;
        JobMetricSample sample = Client.GetMetricSample("job-1", "latest", "train/loss", new MetricQueryOptions { MinStep = 50, MaxStep = 50 }).Value;

        aggregate.Values!["mean"]!.GetValue<double>().Should().Be(1.2);
        aggregate.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        samples.Points.Select(p => p.Step).Should().Equal(1L, 100L);
        sample.Points.Single().Data!["value"]!.GetValue<double>().Should().Be(1.5);
        var requests = Service.Requests;
        requests[0].RequestMessage.AbsolutePath.Should().EndWith("/aggregates");
        QueryOf(requests[0]).Should().BeEmpty();
        QueryOf(requests[1]).Should().Equal(new Dictionary<string, string> { ["limit"] = "2" });
        QueryOf(requests[2]).Should().Equal(new Dictionary<string, string> { ["min_step"] = "50", ["max_step"] = "50" });
    }

    [Fact]
    public async Task Outputs_JobAndAttempt()
    {
        Load("outputs.json", "output_get.json", "attempt_outputs.json");

        var outputs = new List<JobOutputReference>();
        await foreach (JobOutputReference output in Client.GetOutputsAsync("job-1"))
        {
            outputs.Add(output);
        }

        JobOutputReference model = (await Client.GetOutputAsync("job-1", "model")).Value;
        var attemptOutputs = Client.GetAttemptOutputs("job-1", "2").ToList();
        JobOutputReference checkpoints = Client.GetAttemptOutput("job-1", "2", "checkpoints").Value;

        outputs.Single().Type.Should().Be(AssetTypes.SafetensorsModel);
        outputs.Single().Mode.Should().Be(InputOutputModes.ReadWriteMount);
        outputs.Single().BaseModelId.Should().Be("azureai://registries/azureml/models/qwen/versions/1");
        model.AssetVersion.Should().Be("1");
        attemptOutputs.Single().Name.Should().Be("checkpoints");
        checkpoints.Uri.Should().Be("azureai://datastores/ws/paths/ckpt");
        Service.Requests.Select(r => r.RequestMessage.AbsolutePath).Should().Equal(
            Job + "/outputs", Job + "/outputs/model", Job + "/attempts/2/outputs", Job + "/attempts/2/outputs/checkpoints");
    }

    [Fact]
    public async Task GetServices_WithNodeId()
    {
        Load("services.json");

        TrainingJobServiceCollection services = (await Client.GetServicesAsync("job-1", nodeId: 1)).Value;

        AssertFoundryRequest(Service.SingleRequest, "GET", Job + "/services");
        QueryOf(Service.SingleRequest).Should().Equal(new Dictionary<string, string> { ["node_id"] = "1" });
        services.Services.Keys.Should().BeEquivalentTo("Studio", "Tracking");
        services.Services["Studio"].Type.Should().Be(JobServiceType.Studio);
        services.Services["Studio"].Port.Should().Be(443);
        services.Services["Tracking"].Properties!["protocol"]!.GetValue<string>().Should().Be("mlflow");
    }

    [Fact]
    public async Task OperationStatusAndResult()
    {
        Load("operation_status.json", "operation_result_running.json");

        JobOperationResource status = (await Client.GetOperationStatusAsync("op-77")).Value;
        JobOperationResource result = Client.GetOperationResult("op-78").Value;

        status.Status.Should().Be(JobOperationStatus.Succeeded);
        status.PercentComplete.Should().Be(100);
        status.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767229000));
        status.Properties!["job_name"]!.GetValue<string>().Should().Be("job-1");
        result.Status.Should().Be(JobOperationStatus.InProgress);
        AssertFoundryRequest(Service.Requests[0], "GET", "/api/projects/proj/training_jobs/operations/op-77/status");
        AssertFoundryRequest(Service.Requests[1], "GET", "/api/projects/proj/training_jobs/operations/op-78/result");
    }

    [Fact]
    public void BadArgumentsFailBeforeAnyRequest()
    {
        ((Action)(() => Client.GetAttempts("", null))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("jobName");
        ((Action)(() => Client.GetAttempt("job-1", null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("attemptId");
        ((Action)(() => Client.GetArtifacts("job-1", "1", new ArtifactListOptions { Limit = 101 }))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("options.Limit");
        ((Action)(() => Client.GetMetricPoints("job-1", "1", ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("metricName");
        ((Action)(() => Client.GetOutput("job-1", ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("outputName");
        Service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task CancellationTokenIsHonoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Func<Task> get = async () => await Client.GetAttemptAsync("job-1", "2", cts.Token);

        await get.Should().ThrowAsync<OperationCanceledException>();
    }
}
