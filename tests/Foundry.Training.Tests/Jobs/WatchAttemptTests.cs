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
/// that does not exist yet is an expected answer: not thrown, not logged by Azure.Core as an error response.
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
