using System.Diagnostics.Tracing;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Jobs;

/// <summary>
/// <c>WatchAsync</c> reads the latest attempt (for its metrics) only once the job has started, and a 404 for an attempt
/// that does not exist yet is an expected answer: not thrown, not logged by Azure.Core as an error response. When a newer
/// attempt appears between two polls, the older one is finished first, then each newer one in turn.
/// </summary>
public sealed class WatchAttemptTests : JobsTestBase
{
    private const string Job = "/api/projects/proj/training_jobs/";

    private static IResponseBuilder JobWith(string name, string status) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"name":"{{{name}}}","properties":{"job_type":"command","compute_id":"c","status":"{{{status}}}"}}""");

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static IResponseBuilder NoAttemptYet() =>
        Json(404, """{"error":{"code":"NotFound","message":"The job has no attempt yet."}}""");

    private async Task<List<string>> Watch(string name)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new List<string>();
        await foreach (TrainingJobUpdate update in Client.WatchAsync(name, TimeSpan.FromMilliseconds(1), guard.Token))
        {
            seen.Add(update.Kind == TrainingJobUpdateKind.StatusChanged ? "status:" + update.Status : $"{update.MetricName}@{update.Point!.Step}");
        }

        return seen;
    }

    private IReadOnlyList<ILogEntry> RequestsTo(string path) =>
        Service.Requests.Where(r => r.RequestMessage.AbsolutePath == path).ToList();

    [Fact]
    public async Task NoAttemptIsRequestedWhileTheJobWaitsToStart()
    {
        Service.Server.RespondInTurn(Job + "queued-job",
            JobWith("queued-job", "NotStarted"), JobWith("queued-job", "Queued"), JobWith("queued-job", "preparing"),
            JobWith("queued-job", "Running"), JobWith("queued-job", "Completed"));
        Service.Server.Given(Request.Create().WithPath(Job + "queued-job/attempts/latest").UsingGet())
            .RespondWith(Json(200, """{"id":"1","job_name":"queued-job","status":"running"}"""));
        Service.Server.Given(Request.Create().WithPath(Job + "queued-job/attempts/1/metrics").UsingGet())
            .RespondWith(Json(200, """{"data":[{"name":"train/loss","metric_type":"scalar"}],"has_more":false}"""));
        Service.Server.Given(Request.Create().WithPath(Job + "queued-job/attempts/1/metrics/train/loss").UsingGet())
            .RespondWith(Json(200, """{"data":[{"step":1,"data":{"value":0.5}}],"has_more":false}"""));

        List<string> seen = await Watch("queued-job");

        seen.Should().Equal("status:NotStarted", "status:Queued", "status:preparing", "status:Running", "train/loss@1", "status:Completed");
        List<string> paths = Service.Requests.Select(r => r.RequestMessage.AbsolutePath).ToList();
        paths.Take(3).Should().OnlyContain(p => p == Job + "queued-job", "nothing but the job is read while it waits to start");
        paths.Where(p => p == Job + "queued-job/attempts/latest").Should().HaveCount(2, "the running and the completed poll read the attempt");
        paths[3].Should().Be(Job + "queued-job");
        paths[4].Should().Be(Job + "queued-job/attempts/latest");
        RequestsTo(Job + "queued-job/attempts/latest").ToList().ForEach(r => AssertFoundryRequest(r, "GET", Job + "queued-job/attempts/latest"));
    }

    [Fact]
    public async Task ANewerAttemptBetweenTwoPolls_TheOlderIsFinishedFromItsNextStep_ThenEveryNewerOneInTurn()
    {
        // Poll 1 sees attempt 1 at step 1. By poll 2 attempt 1 logged step 2, attempt 2 ran and attempt 3 started.
        Service.Server.RespondInTurn(Job + "hopping-job", JobWith("hopping-job", "Running"), JobWith("hopping-job", "Completed"));
        Service.Server.RespondInTurn(Job + "hopping-job/attempts/latest", Json(200, """{"id":"1","status":"running"}"""), Json(200, """{"id":"3","status":"completed"}"""));
        Service.Server.Given(Request.Create().WithPath(Job + "hopping-job/attempts").UsingGet())
            .RespondWith(Json(200, """{"data":[{"id":"2","status":"failed"},{"id":"3","status":"completed"}],"has_more":false}"""));
        foreach (string attempt in new[] { "1", "2", "3" })
        {
            Service.Server.Given(Request.Create().WithPath(Job + $"hopping-job/attempts/{attempt}/metrics").UsingGet())
                .RespondWith(Json(200, """{"data":[{"name":"loss","metric_type":"scalar"}],"has_more":false}"""));
        }

        Service.Server.RespondInTurn(Job + "hopping-job/attempts/1/metrics/loss", Json(200, """{"data":[{"step":1,"data":{"value":0.9}}],"has_more":false}"""), Json(200, """{"data":[{"step":2,"data":{"value":0.8}}],"has_more":false}"""));
        Service.Server.Given(Request.Create().WithPath(Job + "hopping-job/attempts/2/metrics/loss").UsingGet())
            .RespondWith(Json(200, """{"data":[{"step":1,"data":{"value":0.7}},{"step":2,"data":{"value":0.6}}],"has_more":false}"""));
        Service.Server.Given(Request.Create().WithPath(Job + "hopping-job/attempts/3/metrics/loss").UsingGet())
            .RespondWith(Json(200, """{"data":[{"step":1,"data":{"value":0.5}}],"has_more":false}"""));

        var seen = new List<string>();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await foreach (TrainingJobUpdate update in Client.WatchAsync("hopping-job", TimeSpan.FromMilliseconds(1), guard.Token))
        {
            seen.Add(update.Kind == TrainingJobUpdateKind.StatusChanged ? "status:" + update.Status : $"{update.AttemptId}/{update.MetricName}@{update.Point!.Step}");
        }

        seen.Should().Equal("status:Running", "1/loss@1", "status:Completed", "1/loss@2", "2/loss@1", "2/loss@2", "3/loss@1");
        List<ILogEntry> requests = Service.Requests.ToList();
        requests.Select(r => r.RequestMessage.AbsolutePath.Substring(Job.Length)).Should().Equal(
            "hopping-job", "hopping-job/attempts/latest", "hopping-job/attempts/1/metrics", "hopping-job/attempts/1/metrics/loss",
            "hopping-job", "hopping-job/attempts/latest", "hopping-job/attempts",
            "hopping-job/attempts/1/metrics", "hopping-job/attempts/1/metrics/loss",
            "hopping-job/attempts/2/metrics", "hopping-job/attempts/2/metrics/loss",
            "hopping-job/attempts/3/metrics", "hopping-job/attempts/3/metrics/loss");
        QueryOf(requests[6]).Should().Contain("order", "asc").And.Contain("after", "1");
        QueryOf(requests[8]).Should().Contain("min_step", "2");
        QueryOf(requests[10]).Should().NotContainKey("min_step", "attempt 2 is new to the watch: read from its start");
        requests.ForEach(r => AssertFoundryRequest(r, "GET", r.RequestMessage.AbsolutePath));
    }

    [Fact]
    public async Task AnAttemptNotThereYet_IsNeitherThrownNorLoggedAsAnError()
    {
        // A status the SDK does not know as "not started" yet: the attempt is read, and the service has none.
        Service.Server.RespondInTurn(Job + "scheduled-job", JobWith("scheduled-job", "Scheduled"), JobWith("scheduled-job", "Scheduled"), JobWith("scheduled-job", "Canceled"));
        Service.Server.Given(Request.Create().WithPath(Job + "scheduled-job/attempts/latest").UsingGet()).RespondWith(NoAttemptYet());
        using var capture = new LogCapture(EventLevel.Informational);

        List<string> seen = await Watch("scheduled-job");

        seen.Should().Equal("status:Scheduled", "status:Canceled");
        IReadOnlyList<ILogEntry> attemptReads = RequestsTo(Job + "scheduled-job/attempts/latest");
        attemptReads.Should().HaveCount(3, "every poll of a started (or unknown) job reads the attempt");
        string logs = capture.Text;
        foreach (ILogEntry read in attemptReads)
        {
            string requestId = read.RequestMessage.Headers!["x-ms-client-request-id"].Single();
            logs.Should().Contain($"Response [{requestId}] 404", "Azure.Core still logs the answer, as a plain response");
            logs.Should().NotContain($"Error response [{requestId}]");
        }
    }

    [Fact]
    public async Task ReadingAMissingAttemptDirectly_StillFailsAndIsLoggedAsAnError()
    {
        Service.Server.Given(Request.Create().WithPath(Job + "direct-job/attempts/latest").UsingGet()).RespondWith(NoAttemptYet());
        using var capture = new LogCapture(EventLevel.Informational);

        Func<Task> read = () => Client.GetAttemptAsync("direct-job", TrainingJobsClient.LatestAttempt);

        (await read.Should().ThrowAsync<Azure.RequestFailedException>()).Which.Status.Should().Be(404);
        string requestId = Service.SingleRequest.RequestMessage.Headers!["x-ms-client-request-id"].Single();
        capture.Text.Should().Contain($"Error response [{requestId}] 404", "only the watch expects the 404");
    }
}
