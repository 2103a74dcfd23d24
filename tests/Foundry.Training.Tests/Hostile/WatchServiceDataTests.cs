using System.Diagnostics.Tracing;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using static Foundry.Training.Tests.Hostile.HostileService;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// <c>WatchAsync</c> never passes service data to the argument checks meant for callers: a latest attempt without a
/// usable id, or a metric without a usable name, is skipped with a warning on the <c>Foundry-Training</c> event source,
/// and the watch goes on to the job's end (the documented choice: a watch is for following a job, and one unusable item
/// must not end it).
/// </summary>
public sealed class WatchServiceDataTests : IDisposable
{
    private readonly HostileService _service = new();
    private readonly CancellationTokenSource _hangBreaker = new(TimeSpan.FromSeconds(30));
    private int _jobReads;

    public void Dispose() => _hangBreaker.Dispose();

    /// <summary>The job runs for one poll and completes on the next; attempts and metrics answer as given.</summary>
    private void Serve(string job, string latestAttempt, string metrics = """{"data":[],"has_more":false}""")
    {
        string prefix = "/api/projects/p/training_jobs/" + job;
        _service.Answer((_, path) => path switch
        {
            _ when path == prefix => Json(200, $$$"""{"name":"{{{job}}}","properties":{"job_type":"command","compute_id":"c","status":"{{{(Interlocked.Increment(ref _jobReads) == 1 ? "Running" : "Completed")}}}"}}"""),
            _ when path == prefix + "/attempts/latest" => Json(200, latestAttempt),
            _ when path == prefix + "/attempts/1/metrics" => Json(200, metrics),
            _ when path == prefix + "/attempts/1/metrics/train%2Floss" => Json(200, """{"data":[{"step":1,"data":{"value":0.5}}],"has_more":false}"""),
            _ => RecordingHandler.NotFound(),
        });
    }

    private async Task<List<string>> WatchAsync(string job)
    {
        var seen = new List<string>();
        await foreach (TrainingJobUpdate update in _service.Jobs.WatchAsync(job, TimeSpan.FromMilliseconds(1), _hangBreaker.Token))
        {
            seen.Add(update.Kind == TrainingJobUpdateKind.StatusChanged ? "status:" + update.Status : $"{update.AttemptId}/{update.MetricName}@{update.Point!.Step}");
        }

        return seen;
    }

    [Theory]
    [InlineData("no-id", """{"status":"running"}""", "empty string")]
    [InlineData("null-id", """{"id":null,"status":"running"}""", "it has no id")]
    [InlineData("empty-id", """{"id":"","status":"running"}""", "empty string")]
    [InlineData("blank-id", """{"id":"  ","status":"running"}""", "whitespace")]
    [InlineData("parent-id", """{"id":"..","status":"running"}""", "'..'")]
    [InlineData("control-id", """{"id":"1\n2","status":"running"}""", "U+000A")]
    public async Task ALatestAttemptWithoutAUsableId_IsSkippedAndLogged(string job, string attempt, string reason)
    {
        Serve(job, attempt);
        using var log = new LogCapture(EventLevel.Warning);

        List<string> seen = await WatchAsync(job);

        seen.Should().Equal("status:Running", "status:Completed");
        _service.RequestLines.Should().NotContain(line => line.Contains("/metrics", StringComparison.Ordinal), "an attempt that cannot be addressed is not read");
        _service.RequestLines.Count(line => line.Contains("/attempts/latest", StringComparison.Ordinal)).Should().Be(2, "every poll tries again");
        log.Text.Should().Contain($"TrainingJobsClient.Watch skipped the latest attempt the service sent for job '{job}'").And.Contain(reason);
    }

    [Fact]
    public async Task ALatestAttemptThatTurnsUnusable_LeavesTheAttemptBeingRead_ReadToTheJobsEnd()
    {
        const string prefix = "/api/projects/p/training_jobs/turns";
        int latestReads = 0, pointReads = 0;
        _service.Answer((_, path) => path switch
        {
            prefix => Json(200, $$$"""{"name":"turns","properties":{"job_type":"command","compute_id":"c","status":"{{{(Interlocked.Increment(ref _jobReads) == 1 ? "Running" : "Completed")}}}"}}"""),
            prefix + "/attempts/latest" => Json(200, Interlocked.Increment(ref latestReads) == 1 ? """{"id":"1"}""" : """{"id":".."}"""),
            prefix + "/attempts/1/metrics" => Json(200, """{"data":[{"name":"loss"}],"has_more":false}"""),
            prefix + "/attempts/1/metrics/loss" => Json(200, Interlocked.Increment(ref pointReads) == 1
                ? """{"data":[{"step":1,"data":{"value":0.5}}],"has_more":false}"""
                : """{"data":[{"step":2,"data":{"value":0.4}}],"has_more":false}"""),
            _ => RecordingHandler.NotFound(),
        });
        using var log = new LogCapture(EventLevel.Warning);

        List<string> seen = await WatchAsync("turns");

        seen.Should().Equal("status:Running", "1/loss@1", "status:Completed", "1/loss@2");
        _service.RequestLines.Should().NotContain(line => line.Contains("/attempts/..", StringComparison.Ordinal));
        log.Text.Should().Contain("TrainingJobsClient.Watch skipped the latest attempt the service sent for job 'turns'");
    }

    [Fact]
    public async Task MetricsWithoutAUsableName_AreSkippedAndLogged_TheOthersAreWatched()
    {
        Serve("metrics-job", """{"id":"1","status":"running"}""",
            """{"data":[{"name":null},{"metric_type":"scalar"},{"name":""},{"name":".."},{"name":"train/loss"},{"name":"a/../b"}],"has_more":false}""");
        using var log = new LogCapture(EventLevel.Warning);

        List<string> seen = await WatchAsync("metrics-job");

        seen.Should().Equal("status:Running", "1/train/loss@1", "status:Completed");
        _service.RequestLines.Where(line => line.Contains("/metrics/", StringComparison.Ordinal)).Should()
            .OnlyContain(line => line.StartsWith("GET /api/projects/p/training_jobs/metrics-job/attempts/1/metrics/train%2Floss?", StringComparison.Ordinal));
        string skipped = "skipped a metric the service sent for attempt '1' of job 'metrics-job'";
        log.Text.Split('\n').Count(line => line.StartsWith("TrainingJobsClient.Watch " + skipped, StringComparison.Ordinal)).Should().Be(10, "five unusable metrics on each of two polls");
    }

    [Fact]
    public async Task APointAtTheLastStepALongHolds_IsAskedForAgainFromThatStep_NeverFromAWrappedNegativeStep()
    {
        const string prefix = "/api/projects/p/training_jobs/last-step";
        _service.Answer((_, path) => path switch
        {
            prefix => Json(200, $$$"""{"name":"last-step","properties":{"job_type":"command","compute_id":"c","status":"{{{(Interlocked.Increment(ref _jobReads) == 1 ? "Running" : "Completed")}}}"}}"""),
            prefix + "/attempts/latest" => Json(200, """{"id":"1"}"""),
            prefix + "/attempts/1/metrics" => Json(200, """{"data":[{"name":"loss"}],"has_more":false}"""),
            prefix + "/attempts/1/metrics/loss" => Json(200, """{"data":[{"step":9223372036854775807,"data":{"value":0.5}}],"has_more":false}"""),
            _ => RecordingHandler.NotFound(),
        });

        List<string> seen = await WatchAsync("last-step");

        seen.Should().Equal("status:Running", "1/loss@9223372036854775807", "status:Completed");
        List<string> pointReads = _service.RequestLines.Where(line => line.Contains("/metrics/loss", StringComparison.Ordinal)).ToList();
        pointReads.Should().HaveCount(2);
        pointReads[0].Should().NotContain("min_step");
        pointReads[1].Should().Contain("min_step=9223372036854775807").And.NotContain("min_step=-");
    }

    [Fact]
    public async Task AnAttemptListedWithoutAUsableId_WhileTheWatchCatchesUp_IsSkippedAndLogged_TheOthersAreRead()
    {
        const string prefix = "/api/projects/p/training_jobs/hop";
        int latestReads = 0;
        _service.Answer((_, path) => path switch
        {
            prefix => Json(200, $$$"""{"name":"hop","properties":{"job_type":"command","compute_id":"c","status":"{{{(Interlocked.Increment(ref _jobReads) == 1 ? "Running" : "Completed")}}}"}}"""),
            prefix + "/attempts/latest" => Json(200, Interlocked.Increment(ref latestReads) == 1 ? """{"id":"1"}""" : """{"id":"3"}"""),
            prefix + "/attempts" => Json(200, """{"data":[{"id":".."},{"id":""},{"id":"3"}],"has_more":false}"""),
            prefix + "/attempts/1/metrics" or prefix + "/attempts/3/metrics" => Json(200, """{"data":[{"name":"loss"}],"has_more":false}"""),
            prefix + "/attempts/1/metrics/loss" or prefix + "/attempts/3/metrics/loss" => Json(200, """{"data":[{"step":1,"data":{"value":0.5}}],"has_more":false}"""),
            _ => RecordingHandler.NotFound(),
        });
        using var log = new LogCapture(EventLevel.Warning);

        List<string> seen = await WatchAsync("hop");

        seen.Should().Equal("status:Running", "1/loss@1", "status:Completed", "3/loss@1");
        _service.RequestLines.Should().NotContain(line => line.Contains("/attempts/../", StringComparison.Ordinal) || line.Contains("/attempts//", StringComparison.Ordinal));
        log.Text.Split('\n').Count(line => line.StartsWith("TrainingJobsClient.Watch skipped an attempt the service listed for job 'hop'", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void TheEventSource_IsPickedUpByAzureListeners()
    {
        FoundryTrainingEventSource.Singleton.Name.Should().Be("Foundry-Training");
        FoundryTrainingEventSource.Singleton.GetTrait("AzureEventSource").Should().Be("true");
    }
}
