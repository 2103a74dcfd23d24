using System.Diagnostics;
using System.Diagnostics.Tracing;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Telemetry;
using Moq;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Jobs;

/// <summary>
/// <c>GetIfExists</c> and <c>GetAttemptIfExists</c>: the Get's exact request and span, a 404 answered as a response
/// without a value (not thrown, not logged as an error response, the span not failed), every other failure thrown.
/// </summary>
public sealed class TrainingJobsClientIfExistsTests : JobsTestBase
{
    private const string Jobs = "/api/projects/proj/training_jobs/";

    private void Respond(string path, int status) =>
        Service.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"Nope","message":"Not here."}}"""));

    private async Task<NullableResponse<TrainingJob>> GetIfExists(string name, bool async) =>
        async ? await Client.GetIfExistsAsync(name) : Client.GetIfExists(name);

    private async Task<NullableResponse<JobAttempt>> GetAttemptIfExists(string jobName, string attemptId, bool async) =>
        async ? await Client.GetAttemptIfExistsAsync(jobName, attemptId) : Client.GetAttemptIfExists(jobName, attemptId);

    /// <summary>The 404 was answered, not failed: Azure.Core logged it as a plain response, and the span did not fail.</summary>
    private void AssertAnsweredNotFailed(LogCapture capture, SpanRecorder spans, string spanName)
    {
        string requestId = Service.SingleRequest.RequestMessage.Headers!["x-ms-client-request-id"].Single();
        capture.Text.Should().Contain($"Response [{requestId}] 404", "Azure.Core still logs the answer, as a plain response")
            .And.NotContain($"Error response [{requestId}]");
        spans.Single(spanName).Status.Should().NotBe(ActivityStatusCode.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetIfExists_AnExistingJob_IsTheGetsRequestAndValue(bool async)
    {
        Load("job_get.json");
        using var spans = new SpanRecorder();

        NullableResponse<TrainingJob> response = await GetIfExists("grpo-math-1", async);

        AssertFoundryRequest(Service.SingleRequest, "GET", Jobs + "grpo-math-1").Body.Should().BeNullOrEmpty();
        QueryOf(Service.SingleRequest).Should().BeEmpty();
        response.HasValue.Should().BeTrue();
        response.GetRawResponse().Status.Should().Be(200);
        response.Value!.Name.Should().Be("grpo-math-1");
        ((CommandJob)response.Value.Properties).Tags["team"]!.GetValue<string>().Should().Be("math");
        Activity span = spans.Single("TrainingJobsClient.Get");
        span.GetTagItem(FoundryTrainingTelemetry.JobNameTag).Should().Be("grpo-math-1");
        span.GetTagItem(FoundryTrainingTelemetry.StatusTag).Should().Be("NotStarted");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetIfExists_AMissingJob_HasNoValue_NotAnErrorResponseOrAFailedSpan(bool async)
    {
        Respond(Jobs + "gone", 404);
        using var capture = new LogCapture(EventLevel.Informational);
        using var spans = new SpanRecorder();

        NullableResponse<TrainingJob> response = await GetIfExists("gone", async);

        AssertFoundryRequest(Service.SingleRequest, "GET", Jobs + "gone");
        response.HasValue.Should().BeFalse();
        response.GetRawResponse().Status.Should().Be(404);
        ((Func<TrainingJob?>)(() => response.Value)).Should().Throw<InvalidOperationException>().WithMessage("*404*HasValue*");
        AssertAnsweredNotFailed(capture, spans, "TrainingJobsClient.Get");
    }

    [Theory]
    [InlineData(403, true)]
    [InlineData(403, false)]
    [InlineData(500, true)]
    [InlineData(500, false)]
    public async Task GetIfExists_AnyOtherFailure_ThrowsRequestFailedException(int status, bool async)
    {
        Respond(Jobs + "job-1", status);
        using var spans = new SpanRecorder();

        Func<Task> get = () => GetIfExists("job-1", async);

        (await get.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
        spans.Single("TrainingJobsClient.Get").Status.Should().Be(ActivityStatusCode.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAttemptIfExists_AnExistingAttempt_IsTheGetAttemptsRequestAndValue(bool async)
    {
        Load("attempt_get.json");

        NullableResponse<JobAttempt> response = await GetAttemptIfExists("job-1", "2", async);

        AssertFoundryRequest(Service.SingleRequest, "GET", Jobs + "job-1/attempts/2").Body.Should().BeNullOrEmpty();
        QueryOf(Service.SingleRequest).Should().BeEmpty();
        response.HasValue.Should().BeTrue();
        response.GetRawResponse().Status.Should().Be(200);
        response.Value!.Status.Should().Be(JobAttemptStatus.Running);
        response.Value.IsLatest.Should().BeTrue();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAttemptIfExists_NoAttemptYet_HasNoValue_NotAnErrorResponseOrAFailedSpan(bool async)
    {
        Respond(Jobs + "queued/attempts/latest", 404);
        using var capture = new LogCapture(EventLevel.Informational);
        using var spans = new SpanRecorder();

        NullableResponse<JobAttempt> response = await GetAttemptIfExists("queued", TrainingJobsClient.LatestAttempt, async);

        AssertFoundryRequest(Service.SingleRequest, "GET", Jobs + "queued/attempts/latest");
        response.HasValue.Should().BeFalse();
        response.GetRawResponse().Status.Should().Be(404);
        AssertAnsweredNotFailed(capture, spans, "TrainingJobsClient.GetAttempt");
    }

    [Theory]
    [InlineData(403, true)]
    [InlineData(403, false)]
    [InlineData(500, true)]
    [InlineData(500, false)]
    public async Task GetAttemptIfExists_AnyOtherFailure_ThrowsRequestFailedException(int status, bool async)
    {
        Respond(Jobs + "job-1/attempts/2", status);

        Func<Task> get = () => GetAttemptIfExists("job-1", "2", async);

        (await get.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("", false)]
    [InlineData("..", true)]
    [InlineData("..", false)]
    public async Task InvalidArguments_FailFast_NamingTheParameter_AndSendNothing(string? bad, bool async)
    {
        (await FluentActions.Awaiting(() => GetIfExists(bad!, async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("name");
        (await FluentActions.Awaiting(() => GetAttemptIfExists(bad!, "1", async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("jobName");
        (await FluentActions.Awaiting(() => GetAttemptIfExists("job-1", bad!, async)).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("attemptId");
        Service.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Mocking_TheInterfaceAndTheClient_AnswerAMissingOrAnExistingJobWithoutAService()
    {
        TrainingJob running = TrainingModelFactory.TrainingJob(name: "here", properties: TrainingModelFactory.CommandJob(computeId: "gpu", status: "Running"));
        var jobs = new Mock<ITrainingJobsClient>();
        jobs.Setup(c => c.GetIfExistsAsync("here", It.IsAny<CancellationToken>())).ReturnsAsync(Azure.Response.FromValue(running, Mock.Of<Azure.Response>()));
        jobs.Setup(c => c.GetIfExistsAsync("gone", It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<NullableResponse<TrainingJob>>(r => !r.HasValue));
        var client = new Mock<TrainingJobsClient>();
        client.Setup(c => c.GetAttemptIfExists("here", TrainingJobsClient.LatestAttempt, It.IsAny<CancellationToken>())).Returns(Mock.Of<NullableResponse<JobAttempt>>(r => !r.HasValue));

        (await jobs.Object.GetIfExistsAsync("here")).Value!.Name.Should().Be("here");
        (await jobs.Object.GetIfExistsAsync("gone")).HasValue.Should().BeFalse();
        client.Object.GetAttemptIfExists("here", TrainingJobsClient.LatestAttempt).HasValue.Should().BeFalse();
    }
}
