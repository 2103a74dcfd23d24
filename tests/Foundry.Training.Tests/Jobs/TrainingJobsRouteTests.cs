using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;

namespace Foundry.Training.Tests.Jobs;

/// <summary>
/// The exact request of the routes and query parameters of routes.tsp that the scenario tests leave partly unchecked
/// (the <c>before</c> cursor, every metric query parameter, content info by prefix, leader-node services, outputs), and
/// of the later revision's inputs and per-node services, through both the async and the sync twin, against the mapping
/// files under Recordings/Jobs.
/// </summary>
public sealed class TrainingJobsRouteTests : JobsTestBase
{
    private const string Job = "/api/projects/proj/training_jobs/job-1";

    private static readonly MetricQueryOptions s_fullRange = new()
    {
        StartedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600),
        EndedAt = DateTimeOffset.FromUnixTimeSeconds(1767240000),
        MinStep = 50,
        MaxStep = 50,
        Limit = 2,
    };

    private static readonly Dictionary<string, string> s_fullRangeQuery = new()
    {
        ["started_at"] = "1767225600",
        ["ended_at"] = "1767240000",
        ["min_step"] = "50",
        ["max_step"] = "50",
        ["limit"] = "2",
    };

    /// <summary>A GET with the shared Foundry parts, no body, and exactly <paramref name="query"/> besides api-version.</summary>
    private static void AssertGet(ILogEntry entry, string path, IDictionary<string, string>? query = null)
    {
        WireMock.RequestMessage request = AssertFoundryRequest(entry, "GET", path);
        request.Body.Should().BeNullOrEmpty();
        request.Query!["api-version"].Should().ContainSingle();
        QueryOf(entry).Should().Equal(query ?? new Dictionary<string, string>());
    }

    private static async Task<List<T>> AllAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        var items = new List<T>();
        await foreach (T item in pageable)
        {
            items.Add(item);
        }

        return items;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetJobs_SendsAfterBeforeOrderAndLimit(bool async)
    {
        Load("jobs_list_window.json");
        var options = new TrainingJobListOptions { After = "j0", Before = "j9", Order = ListSortOrder.Ascending, Limit = 5 };

        List<TrainingJob> jobs = async ? await AllAsync(Client.GetJobsAsync(options)) : Client.GetJobs(options).ToList();

        jobs.Single().Name.Should().Be("j1");
        ((CommandJob)jobs[0].Properties).Status.Should().Be("Completed");
        AssertGet(Service.SingleRequest, "/api/projects/proj/training_jobs", new Dictionary<string, string> { ["after"] = "j0", ["before"] = "j9", ["order"] = "asc", ["limit"] = "5" });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAttempts_SendsEveryPagingParameter(bool async)
    {
        Load("attempts.json");
        var options = new TrainingListOptions { Limit = 10, Order = ListSortOrder.Ascending, After = "0", Before = "9" };

        List<JobAttempt> attempts = async ? await AllAsync(Client.GetAttemptsAsync("job-1", options)) : Client.GetAttempts("job-1", options).ToList();

        attempts.Select(a => a.Id).Should().Equal("1", "2");
        AssertGet(Service.SingleRequest, Job + "/attempts", new Dictionary<string, string> { ["limit"] = "10", ["order"] = "asc", ["after"] = "0", ["before"] = "9" });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetArtifactContentInfos_PagesThroughThePrefixWithAPageSizeHint(bool async)
    {
        Load("artifact_content_infos.json");
        var options = new ArtifactListOptions { PathPrefix = "checkpoints/", Limit = 2 };

        List<JobArtifactContentInfo> infos = async
            ? await AllAsync(Client.GetArtifactContentInfosAsync("job-1", "2", options))
            : Client.GetArtifactContentInfos("job-1", "2", options).ToList();

        infos.Select(i => i.Path).Should().Equal(
            "checkpoints/step-100/adapter.safetensors", "checkpoints/step-100/config.json", "checkpoints/step-200/adapter.safetensors");
        infos[1].ContentType.Should().Be("application/json");
        infos[1].ContentUri.Should().Be(new Uri("https://storage.example.com/c/step-100/config.json?sv=2024&sig=SECRET"));
        infos[2].ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767233000));
        infos[2].AdditionalProperties.Should().ContainKey("etag");
        IReadOnlyList<ILogEntry> requests = Service.Requests;
        requests.Should().HaveCount(2);
        AssertGet(requests[0], Job + "/attempts/2/artifacts/content_info_by_prefix", new Dictionary<string, string> { ["path_prefix"] = "checkpoints/", ["limit"] = "2" });
        AssertGet(requests[1], Job + "/attempts/2/artifacts/content_info_by_prefix", new Dictionary<string, string>
        {
            ["path_prefix"] = "checkpoints/", ["limit"] = "2", ["after"] = "checkpoints/step-100/config.json",
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetArtifactContentInfo_SendsThePathQuery(bool async)
    {
        Load("artifact_content_info.json");

        JobArtifactContentInfo info = async
            ? (await Client.GetArtifactContentInfoAsync("job-1", "2", "outputs/model/config.json")).Value
            : Client.GetArtifactContentInfo("job-1", "2", "outputs/model/config.json").Value;

        info.Path.Should().Be("outputs/model/config.json");
        AssertGet(Service.SingleRequest, Job + "/attempts/2/artifacts/content_info", new Dictionary<string, string> { ["path"] = "outputs/model/config.json" });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadArtifact_SendsThePathQueryAndAcceptsAnyContent(bool async)
    {
        Load("artifact_content.json");

        Response<Stream> response = async
            ? await Client.DownloadArtifactAsync("job-1", "2", "outputs/logs/train.log")
            : Client.DownloadArtifact("job-1", "2", "outputs/logs/train.log");
        using var reader = new StreamReader(response.Value);

        reader.ReadToEnd().Should().StartWith("step=1 loss=2.5");
        AssertGet(Service.SingleRequest, Job + "/attempts/2/artifacts/content", new Dictionary<string, string> { ["path"] = "outputs/logs/train.log" });
        Service.SingleRequest.RequestMessage.Headers!["Accept"].Should().Equal("*/*");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMetrics_SendsEveryPagingParameter(bool async)
    {
        Load("metrics.json");
        var options = new TrainingListOptions { Limit = 50, Order = ListSortOrder.Descending, After = "a", Before = "z" };

        List<JobMetric> metrics = async ? await AllAsync(Client.GetMetricsAsync("job-1", "latest", options)) : Client.GetMetrics("job-1", "latest", options).ToList();

        metrics.Select(m => m.Name).Should().Equal("train/loss", "eval/samples");
        AssertGet(Service.SingleRequest, Job + "/attempts/latest/metrics", new Dictionary<string, string> { ["limit"] = "50", ["order"] = "desc", ["after"] = "a", ["before"] = "z" });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMetricLastValues_SendsNoQuery(bool async)
    {
        Load("metric_last_values.json");

        List<JobMetricLastValue> values = async ? await AllAsync(Client.GetMetricLastValuesAsync("job-1", "latest")) : Client.GetMetricLastValues("job-1", "latest").ToList();

        values.Single().Point!.Step.Should().Be(200);
        AssertGet(Service.SingleRequest, Job + "/attempts/latest/metrics/last_values");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMetricAggregates_SendsTheWholeMetricQuery(bool async)
    {
        Load("metric_aggregates.json");

        List<JobMetricAggregate> aggregates = async
            ? await AllAsync(Client.GetMetricAggregatesAsync("job-1", "latest", "train/loss", s_fullRange))
            : Client.GetMetricAggregates("job-1", "latest", "train/loss", s_fullRange).ToList();

        aggregates.Single().Values!["max"]!.GetValue<double>().Should().Be(2.5);
        AssertGet(Service.SingleRequest, Job + "/attempts/latest/metrics/train/loss/aggregates", s_fullRangeQuery);
        Service.SingleRequest.RequestMessage.Url.Should().Contain("/metrics/train%2Floss/aggregates?", "a metric name is one path segment");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMetricSamples_SendsTheWholeMetricQuery(bool async)
    {
        Load("metric_samples.json");

        JobMetricSample samples = async
            ? (await Client.GetMetricSamplesAsync("job-1", "latest", "train/loss", s_fullRange)).Value
            : Client.GetMetricSamples("job-1", "latest", "train/loss", s_fullRange).Value;

        samples.Name.Should().Be("train/loss");
        samples.Points.Select(p => p.Step).Should().Equal(1L, 100L);
        AssertGet(Service.SingleRequest, Job + "/attempts/latest/metrics/train/loss/samples", s_fullRangeQuery);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetMetricSample_SendsTheWholeMetricQuery(bool async)
    {
        Load("metric_sample.json");

        JobMetricSample sample = async
            ? (await Client.GetMetricSampleAsync("job-1", "latest", "train/loss", s_fullRange)).Value
            : Client.GetMetricSample("job-1", "latest", "train/loss", s_fullRange).Value;

        sample.Points.Single().Data!["value"]!.GetValue<double>().Should().Be(1.5);
        AssertGet(Service.SingleRequest, Job + "/attempts/latest/metrics/train/loss/sample", s_fullRangeQuery);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Outputs_EveryRouteSendsTheFoundryRequest(bool async)
    {
        Load("outputs.json", "output_get.json", "attempt_outputs.json");

        List<JobOutputReference> outputs = async ? await AllAsync(Client.GetOutputsAsync("job-1")) : Client.GetOutputs("job-1").ToList();
        JobOutputReference output = async ? (await Client.GetOutputAsync("job-1", "model")).Value : Client.GetOutput("job-1", "model").Value;
        List<JobOutputReference> attemptOutputs = async ? await AllAsync(Client.GetAttemptOutputsAsync("job-1", "2")) : Client.GetAttemptOutputs("job-1", "2").ToList();
        JobOutputReference attemptOutput = async
            ? (await Client.GetAttemptOutputAsync("job-1", "2", "checkpoints")).Value
            : Client.GetAttemptOutput("job-1", "2", "checkpoints").Value;

        outputs.Single().Name.Should().Be("model");
        output.Name.Should().Be("model");
        attemptOutputs.Single().Name.Should().Be("checkpoints");
        attemptOutput.Name.Should().Be("checkpoints");
        IReadOnlyList<ILogEntry> requests = Service.Requests;
        requests.Should().HaveCount(4);
        AssertGet(requests[0], Job + "/outputs");
        AssertGet(requests[1], Job + "/outputs/model");
        AssertGet(requests[2], Job + "/attempts/2/outputs");
        AssertGet(requests[3], Job + "/attempts/2/outputs/checkpoints");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetServices_WithoutNodeIdAsksForTheLeaderNode(bool async)
    {
        Load("services_leader.json");

        TrainingJobServiceCollection services = async ? (await Client.GetServicesAsync("job-1")).Value : Client.GetServices("job-1").Value;

        services.Services["Tracking"].Endpoint.Should().Be(new Uri("https://tracking.example.com/job-1"));
        AssertGet(Service.SingleRequest, Job + "/services");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inputs_EveryRouteSendsTheFoundryRequest_AndKeepsUnknownProperties(bool async)
    {
        Load("inputs.json", "attempt_inputs.json");

        List<JobExecutionAssetReference> inputs = async ? await AllAsync(Client.GetInputsAsync("job-1")) : Client.GetInputs("job-1").ToList();
        JobExecutionAssetReference input = async ? (await Client.GetInputAsync("job-1", "training_data")).Value : Client.GetInput("job-1", "training_data").Value;
        List<JobExecutionAssetReference> attemptInputs = async ? await AllAsync(Client.GetAttemptInputsAsync("job-1", "2")) : Client.GetAttemptInputs("job-1", "2").ToList();
        JobExecutionAssetReference attemptInput = async
            ? (await Client.GetAttemptInputAsync("job-1", TrainingJobsClient.LatestAttempt, "training_data")).Value
            : Client.GetAttemptInput("job-1", TrainingJobsClient.LatestAttempt, "training_data").Value;

        inputs.Select(i => (i.Name, i.Type, i.AssetId)).Should().Equal(("learning_rate", "literal", null), ("training_data", "uri_folder", "azureai://datastores/ws/paths/data/train"));
        input.AssetId.Should().Be("azureai://datastores/ws/paths/data/train");
        input.AdditionalProperties["mounted_at"].GetString().Should().Be("/mnt/inputs/training_data");
        JsonAssert.Equivalent(
            """{"name":"training_data","type":"uri_folder","asset_id":"azureai://datastores/ws/paths/data/train","mounted_at":"/mnt/inputs/training_data"}""",
            FoundryTrainingSerializer.Serialize(input));
        attemptInputs.Single().Name.Should().Be("training_data");
        attemptInput.Type.Should().Be("uri_folder");
        IReadOnlyList<ILogEntry> requests = Service.Requests;
        requests.Should().HaveCount(4);
        AssertGet(requests[0], Job + "/inputs");
        AssertGet(requests[1], Job + "/inputs/training_data");
        AssertGet(requests[2], Job + "/attempts/2/inputs");
        AssertGet(requests[3], Job + "/attempts/latest/inputs/training_data");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetNodeServices_PutsTheNodeInThePath(bool async)
    {
        Load("node_services.json");

        TrainingJobServiceCollection services = async ? (await Client.GetNodeServicesAsync("job-1", 3)).Value : Client.GetNodeServices("job-1", 3).Value;

        services.Services["Tracking"].Endpoint.Should().Be(new Uri("https://tracking.example.com/job-1/node-3"));
        services.Services["Tracking"].Properties!["node"]!.GetValue<string>().Should().Be("3");
        AssertGet(Service.SingleRequest, Job + "/nodes/3/services");
    }

    [Fact]
    public void Inputs_AndNodeServices_RejectBadArgumentsBeforeSending()
    {
        ((Action)(() => Client.GetInputs(""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("jobName");
        ((Action)(() => Client.GetInput("job-1", ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("inputName");
        ((Action)(() => Client.GetAttemptInputs("job-1", ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("attemptId");
        ((Action)(() => Client.GetAttemptInput("job-1", "1", null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("inputName");
        ((Action)(() => Client.GetNodeServices("job-1", -1))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("nodeId");
        ((Action)(() => Client.GetNodeServices("", 0))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("jobName");
        Service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task InputName_StaysInItsPathSegment()
    {
        Service.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"name":"a/b?c"}"""));

        (await Client.GetInputAsync("job-1", "a/b?c")).Value.Name.Should().Be("a/b?c");

        string sent = ((WireMock.RequestMessage)Service.SingleRequest.RequestMessage).Url;
        sent.Should().Contain("/api/projects/proj/training_jobs/job-1/inputs/a%2Fb%3Fc?");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetOperationStatusAndResult_SendNoQuery(bool async)
    {
        Load("operation_status.json", "operation_result_running.json");

        JobOperationResource status = async ? (await Client.GetOperationStatusAsync("op-77")).Value : Client.GetOperationStatus("op-77").Value;
        Response<JobOperationResource> result = async ? await Client.GetOperationResultAsync("op-78") : Client.GetOperationResult("op-78");

        status.Status.Should().Be(JobOperationStatus.Succeeded);
        result.GetRawResponse().Status.Should().Be(202);
        result.Value.Status.Should().Be(JobOperationStatus.InProgress);
        AssertGet(Service.Requests[0], "/api/projects/proj/training_jobs/operations/op-77/status");
        AssertGet(Service.Requests[1], "/api/projects/proj/training_jobs/operations/op-78/result");
    }
}
