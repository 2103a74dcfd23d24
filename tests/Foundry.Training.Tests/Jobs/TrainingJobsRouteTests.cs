using Azure;
using Foundry.Training.Jobs;
using WireMock.Logging;

namespace Foundry.Training.Tests.Jobs;

/// <summary>
/// The exact request of the routes and query parameters of routes.tsp that the scenario tests leave partly unchecked
/// (the <c>before</c> cursor, every metric query parameter, content info by prefix, leader-node services, outputs),
/// through both the async and the sync twin, against the mapping files under Recordings/Jobs.
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
