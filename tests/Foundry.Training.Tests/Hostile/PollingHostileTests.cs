using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using static Foundry.Training.Tests.Hostile.HostileService;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Services that poll badly: an <c>Operation-Location</c> or <c>Location</c> that is not http(s) is refused with a
/// <see cref="RequestFailedException"/> (never followed, never quoted); a status in another letter case ends the wait;
/// an operation poll without a status fails instead of polling forever. Every wait is bounded by a token so that a
/// regression fails the test instead of hanging it.
/// </summary>
public sealed class PollingHostileTests : IDisposable
{
    private const string JobPath = "/api/projects/p/training_jobs/job-1";
    private const string StatusPath = "/api/projects/p/training_jobs/operations/op-1/status";

    private static readonly TimeSpan s_fast = TimeSpan.FromMilliseconds(1);

    private readonly HostileService _service = new();
    private readonly CancellationTokenSource _hangBreaker = new(TimeSpan.FromSeconds(30));

    public void Dispose() => _hangBreaker.Dispose();

    public static TheoryData<string, string, bool> NonHttpLocations
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (string header in new[] { "Operation-Location", "Location" })
            {
                foreach (string url in new[] { "ftp://storage.example/op-1?sig=SECRET", "gopher://storage.example/op-1", "file:///etc/passwd?sig=SECRET", "mailto:ops@example.com", "javascript:alert(1)" })
                {
                    data.Add(header, url, true);
                    data.Add(header, url, false);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NonHttpLocations))]
    public async Task APollingLocationThatIsNotHttp_IsRefusedWithRequestFailedException(string header, string url, bool async)
    {
        _service.Answer((_, _) => Json(202, "", (header, url), ("x-ms-request-id", "req-7")));

        Func<Task> delete = async ? () => _service.Jobs.DeleteAsync(WaitUntil.Started, "job-1") : () => Task.FromResult(_service.Jobs.Delete(WaitUntil.Started, "job-1"));

        RequestFailedException ex = (await delete.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(202);
        ex.ErrorCode.Should().Be("InvalidPollingLocation");
        ex.Message.Should().Contain(new Uri(url).Scheme + ":").And.Contain(header).And.Contain("req-7").And.NotContain("SECRET").And.NotContain("storage.example");
        _service.RequestLines.Should().Equal("DELETE " + JobPath + "?api-version=v1");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APollThatMovesToANonHttpLocation_IsRefused(bool async)
    {
        _service.Answer((method, path) => method == "DELETE"
            ? Json(202, "", ("Operation-Location", StatusPath))
            : Json(202, """{"status":"in_progress"}""", ("Operation-Location", "ftp://storage.example/op-1")));
        TrainingJobOperation operation = _service.Jobs.Delete(WaitUntil.Started, "job-1");

        Func<Task> poll = async ? () => operation.UpdateStatusAsync().AsTask() : () => Task.FromResult(operation.UpdateStatus());

        (await poll.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidPollingLocation");
        _service.Handler.Requests.Should().OnlyContain(r => r.Uri.Scheme == "https");
    }

    [Fact]
    public async Task ARelativePollingLocation_IsStillPolledOnTheService()
    {
        _service.Answer((method, path) => method == "DELETE"
            ? Json(202, "", ("Operation-Location", StatusPath + "?api-version=v1"))
            : Json(200, """{"status":"succeeded"}"""));

        TrainingJobOperation operation = await _service.Jobs.DeleteAsync(WaitUntil.Completed, "job-1", _hangBreaker.Token);

        operation.HasValue.Should().BeTrue();
        _service.RequestLines.Should().Equal("DELETE " + JobPath + "?api-version=v1", "GET " + StatusPath + "?api-version=v1");
    }

    [Theory]
    [InlineData("succeeded", true)]
    [InlineData("Succeeded", true)]
    [InlineData("SUCCEEDED", false)]
    [InlineData("sUcCeEdEd", false)]
    public async Task ASucceededStatusInAnyCase_EndsTheWaitWithTheValue(string status, bool async)
    {
        AnswerDeleteThenStatus(status);

        Response<JobOperationResource> result = await WaitAsync(async);

        result.Value.Status.ToString().Should().Be(status, "the value is kept as the service spelled it");
        _service.RequestLines.Should().HaveCount(2, "one poll saw the operation end");
    }

    [Theory]
    [InlineData("Failed", true)]
    [InlineData("FAILED", false)]
    [InlineData("Canceled", true)]
    [InlineData("CANCELED", false)]
    [InlineData("Cancelled", true)]
    [InlineData("cancelled", false)]
    public async Task AFailedOrCanceledStatusInAnyCase_EndsTheWaitWithRequestFailedException(string status, bool async)
    {
        AnswerDeleteThenStatus(status);

        Func<Task> wait = () => WaitAsync(async);

        (await wait.Should().ThrowAsync<RequestFailedException>()).Which.Message.Should().Contain($"ended as '{status}'");
        _service.RequestLines.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("""{"id":"op-1"}""", true)]
    [InlineData("""{"id":"op-1","status":null}""", false)]
    [InlineData("""{"id":"op-1","status":["Succeeded"]}""", true)]
    [InlineData("""{"id":"op-1","status":7}""", false)]
    public async Task AnOperationPollWithoutAStatus_FailsInsteadOfPollingForever(string body, bool async)
    {
        _service.Answer((method, _) => method == "DELETE" ? Json(202, "", ("Operation-Location", StatusPath)) : Json(200, body, ("x-ms-request-id", "req-9")));

        Func<Task> wait = () => WaitAsync(async);

        RequestFailedException ex = (await wait.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("InvalidResponseBody");
        ex.Status.Should().Be(200);
        ex.Message.Should().Contain("no status").And.Contain("req-9");
        _service.RequestLines.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("Succeeded", true)]
    [InlineData("SUCCEEDED", false)]
    public async Task ACancelAnswered200WithAStatusInAnotherCase_CompletesAtOnce(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$"""{"status":"{{status}}"}"""));

        TrainingJobOperation operation = async ? await _service.Jobs.CancelAsync(WaitUntil.Completed, "job-1") : _service.Jobs.Cancel(WaitUntil.Completed, "job-1");

        operation.HasValue.Should().BeTrue();
        _service.RequestLines.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Succeeded", true)]
    [InlineData("SUCCEEDED", false)]
    [InlineData("Cancelled", true)]
    [InlineData("CANCELED", false)]
    public async Task AFineTuningJobEndingInAnotherCase_EndsTheWait(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$"""{"id":"ft-1","object":"fine_tuning.job","status":"{{status}}"}"""));

        FineTuningJob job = async
            ? (await _service.FineTuning.WaitForCompletionAsync("ft-1", s_fast, _hangBreaker.Token)).Value
            : _service.FineTuning.WaitForCompletion("ft-1", s_fast, _hangBreaker.Token).Value;

        job.Status.ToString().Should().Be(status);
        job.Status!.Value.IsTerminal.Should().BeTrue();
        _service.RequestLines.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Failed", true)]
    [InlineData("FAILED", false)]
    public async Task AFineTuningJobFailingInAnotherCase_ThrowsFineTuningJobFailedException(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$$"""{"id":"ft-1","status":"{{{status}}}","error":{"code":"invalid_training_file","message":"bad line 3"}}"""));

        Func<Task> wait = async
            ? () => _service.FineTuning.WaitForCompletionAsync("ft-1", s_fast, _hangBreaker.Token)
            : () => Task.FromResult(_service.FineTuning.WaitForCompletion("ft-1", s_fast, _hangBreaker.Token));

        (await wait.Should().ThrowAsync<FineTuningJobFailedException>()).Which.JobError!.Code.ToString().Should().Be("invalid_training_file");
    }

    [Theory]
    [InlineData("Processed", true)]
    [InlineData("PROCESSED", false)]
    public async Task AFileProcessedInAnotherCase_EndsTheWait(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$"""{"id":"file-1","object":"file","status":"{{status}}"}"""));

        FineTuningFile file = async
            ? (await _service.Files.WaitForProcessedAsync("file-1", s_fast, _hangBreaker.Token)).Value
            : _service.Files.WaitForProcessed("file-1", s_fast, _hangBreaker.Token).Value;

        file.Status.ToString().Should().Be(status);
        _service.RequestLines.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Error", true)]
    [InlineData("ERROR", false)]
    [InlineData("Deleted", true)]
    public async Task AFileFailingInAnotherCase_ThrowsFineTuningFileProcessingException(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$"""{"id":"file-1","object":"file","status":"{{status}}","status_details":"line 3 is not JSON"}"""));

        Func<Task> wait = async
            ? () => _service.Files.WaitForProcessedAsync("file-1", s_fast, _hangBreaker.Token)
            : () => Task.FromResult(_service.Files.WaitForProcessed("file-1", s_fast, _hangBreaker.Token));

        await wait.Should().ThrowAsync<FineTuningFileProcessingException>();
        _service.RequestLines.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Completed", true)]
    [InlineData("CANCELED", false)]
    public async Task AJobOfATypeTheSdkDoesNotKnow_EndsTheWaitOnItsStatus(string status, bool async)
    {
        _service.Answer((_, _) => Json(200, $$$"""{"name":"job-1","properties":{"job_type":"sweep","status":"{{{status}}}"}}"""));

        TrainingJob job = async
            ? (await _service.Jobs.WaitForCompletionAsync("job-1", s_fast, _hangBreaker.Token)).Value
            : _service.Jobs.WaitForCompletion("job-1", s_fast, _hangBreaker.Token).Value;
        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in _service.Jobs.WatchAsync("job-1", s_fast, _hangBreaker.Token))
        {
            updates.Add(update);
        }

        job.Properties.Should().BeOfType<UnknownJobProperties>();
        updates.Should().ContainSingle().Which.Status.Should().Be(status);
    }

    [Fact]
    public void FineTuningStateIsTerminal_IgnoresCase_ButEqualityStaysOrdinal()
    {
        new FineTuningState("SUCCEEDED").IsTerminal.Should().BeTrue();
        new FineTuningState("Cancelled").IsTerminal.Should().BeTrue();
        new FineTuningState("Running").IsTerminal.Should().BeFalse();
        new FineTuningState("SUCCEEDED").Should().NotBe(FineTuningState.Succeeded, "open enums compare ordinally; only the pollers ignore case");
    }

    private void AnswerDeleteThenStatus(string status) =>
        _service.Answer((method, _) => method == "DELETE"
            ? Json(202, "", ("Operation-Location", StatusPath))
            : Json(200, $$$"""{"id":"op-1","status":"{{{status}}}","error":{"code":"Gone","message":"went away"}}"""));

    private async Task<Response<JobOperationResource>> WaitAsync(bool async)
    {
        if (async)
        {
            TrainingJobOperation operation = await _service.Jobs.DeleteAsync(WaitUntil.Started, "job-1", _hangBreaker.Token);
            return await operation.WaitForCompletionAsync(s_fast, _hangBreaker.Token);
        }

        return _service.Jobs.Delete(WaitUntil.Started, "job-1", _hangBreaker.Token).WaitForCompletion(s_fast, _hangBreaker.Token);
    }
}
