using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// The one waiting rule every poller follows (<see cref="Delay.ForNextPoll"/>), observed end to end: each poller is
/// stuck (a 202 or a non-terminal status forever) and its waits run on a <see cref="RecordingTimeProvider"/>, so every
/// wait is recorded exactly and none takes time. The service cancels the caller's token in its answer to the fifth
/// poll, which ends the call deterministically.
/// </summary>
public sealed class PollingDelayTests : IDisposable
{
    private const int CancelAtPoll = 5;
    private static readonly TimeSpan s_floor = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(3);

    private readonly MockService _service = new();
    private readonly RecordingTimeProvider _clock = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TrainingJobsClient _jobs;
    private readonly FineTuningClient _fineTuning;
    private int _polls;

    public PollingDelayTests()
    {
        var jobsOptions = new TrainingJobsClientOptions { TimeProvider = _clock };
        jobsOptions.Retry.MaxRetries = 0;
        _jobs = new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/p"), new StaticTokenCredential(), jobsOptions);
        var fineTuningOptions = new FineTuningClientOptions { TimeProvider = _clock };
        fineTuningOptions.Retry.MaxRetries = 0;
        _fineTuning = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key"), fineTuningOptions);
    }

    public void Dispose()
    {
        _service.Dispose();
        _cancellation.Dispose();
    }

    public enum Poller
    {
        Delete,
        Cancel,
        JobCompletion,
        Watch,
        FineTuningCompletion,
        FileProcessed,
    }

    public static TheoryData<Poller> Pollers() => new() { Poller.Delete, Poller.Cancel, Poller.JobCompletion, Poller.Watch, Poller.FineTuningCompletion, Poller.FileProcessed };

    public static TheoryData<Poller, string, bool> StuckOnZero()
    {
        var data = new TheoryData<Poller, string, bool>();
        foreach (Poller poller in Pollers())
        {
            foreach (string header in new[] { "Retry-After", "retry-after-ms" })
            {
                data.Add(poller, header, true);
                if (poller != Poller.Watch)
                {
                    data.Add(poller, header, false);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StuckOnZero))]
    public async Task AServiceAskingForNoWait_IsPolledNoSoonerThanTheFloor(Poller poller, string header, bool async)
    {
        StuckWith(poller, (header, "0"));

        await PollUntilCancelled(poller, pollingInterval: null, async);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == s_floor);
    }

    [Theory]
    [MemberData(nameof(Pollers))]
    public async Task TheCallersInterval_IsNotShortenedByTheService(Poller poller)
    {
        StuckWith(poller, ("Retry-After", "0"));

        await PollUntilCancelled(poller, s_interval, async: true);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == s_interval);
    }

    [Theory]
    [MemberData(nameof(Pollers))]
    public async Task AServiceAskingForMoreThanTheInterval_IsWaitedFor(Poller poller)
    {
        StuckWith(poller, ("Retry-After", "30"));

        await PollUntilCancelled(poller, s_interval, async: true);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == TimeSpan.FromSeconds(30));
    }

    [Theory]
    [MemberData(nameof(Pollers))]
    public async Task WithoutAnInterval_AServiceHintShorterThanTheDefaultIsFollowed(Poller poller)
    {
        StuckWith(poller, ("retry-after-ms", "250"));

        await PollUntilCancelled(poller, pollingInterval: null, async: true);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == TimeSpan.FromMilliseconds(250));
    }

    [Theory]
    [InlineData(Poller.Delete, 2)]
    [InlineData(Poller.Cancel, 2)]
    [InlineData(Poller.JobCompletion, 10)]
    [InlineData(Poller.Watch, 10)]
    [InlineData(Poller.FineTuningCompletion, 10)]
    [InlineData(Poller.FileProcessed, 5)]
    public async Task WithoutAnIntervalOrAHint_TheDefaultApplies(Poller poller, int seconds)
    {
        StuckWith(poller);

        await PollUntilCancelled(poller, pollingInterval: null, async: true);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(Poller.Delete, 1)]
    [InlineData(Poller.Cancel, 1)]
    [InlineData(Poller.JobCompletion, 5)]
    [InlineData(Poller.Watch, 5)]
    [InlineData(Poller.FineTuningCompletion, 5)]
    [InlineData(Poller.FileProcessed, 5)]
    public async Task AServiceAskingForHours_IsCappedAtTheMaximum(Poller poller, int minutes)
    {
        StuckWith(poller, ("Retry-After", "36000"));

        await PollUntilCancelled(poller, pollingInterval: null, async: true);

        _clock.Waits.Should().HaveCount(WaitsBeforeTheFifthPoll(poller)).And.OnlyContain(wait => wait == TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public async Task ACallersIntervalLongerThanTheMaximum_IsKept()
    {
        StuckWith(Poller.Delete, ("Retry-After", "36000"));

        await PollUntilCancelled(Poller.Delete, TimeSpan.FromMinutes(20), async: true);

        _clock.Waits.Should().OnlyContain(wait => wait == TimeSpan.FromMinutes(20));
    }

    /// <summary>An operation also waits after the 202 that started it, before its first poll.</summary>
    private static int WaitsBeforeTheFifthPoll(Poller poller) => poller is Poller.Delete or Poller.Cancel ? CancelAtPoll : CancelAtPoll - 1;

    /// <summary>Sets up the service so that <paramref name="poller"/> never finishes; every answer carries <paramref name="headers"/>.</summary>
    private void StuckWith(Poller poller, params (string Name, string Value)[] headers)
    {
        switch (poller)
        {
            case Poller.Delete:
                Accepted("DELETE", "/api/projects/p/training_jobs/j1", "Operation-Location", "/api/projects/p/training_jobs/operations/op-1/status", headers);
                AnswerForever("/api/projects/p/training_jobs/operations/op-1/status", 202, null, headers);
                break;
            case Poller.Cancel:
                Accepted("POST", "/api/projects/p/training_jobs/j1:cancel", "Location", "/api/projects/p/training_jobs/operations/op-2/result", headers);
                AnswerForever("/api/projects/p/training_jobs/operations/op-2/result", 202, null, headers);
                break;
            case Poller.JobCompletion:
            case Poller.Watch:
                AnswerForever("/api/projects/p/training_jobs/j1", 200, """{"name":"j1","properties":{"job_type":"command","status":"Running"}}""", headers);
                break;
            case Poller.FineTuningCompletion:
                AnswerForever("/openai/fine_tuning/jobs/ftjob-1", 200, """{"object":"fine_tuning.job","id":"ftjob-1","status":"running"}""", headers);
                break;
            case Poller.FileProcessed:
                AnswerForever("/openai/files/file-1", 200, """{"object":"file","id":"file-1","status":"pending"}""", headers);
                break;
        }
    }

    private async Task PollUntilCancelled(Poller poller, TimeSpan? pollingInterval, bool async)
    {
        CancellationToken token = _cancellation.Token;
        Func<Task> poll = poller switch
        {
            Poller.Delete or Poller.Cancel => async () =>
            {
                bool delete = poller == Poller.Delete;
                WaitUntil until = pollingInterval is null ? WaitUntil.Completed : WaitUntil.Started;
                TrainingJobOperation operation = async
                    ? delete ? await _jobs.DeleteAsync(until, "j1", token) : await _jobs.CancelAsync(until, "j1", token)
                    : delete ? _jobs.Delete(until, "j1", token) : _jobs.Cancel(until, "j1", token);
                if (pollingInterval is TimeSpan interval)
                {
                    _ = async ? await operation.WaitForCompletionAsync(interval, token) : operation.WaitForCompletion(interval, token);
                }
            },
            Poller.JobCompletion => async () => _ = async ? await _jobs.WaitForCompletionAsync("j1", pollingInterval, token) : _jobs.WaitForCompletion("j1", pollingInterval, token),
            Poller.Watch => async () =>
            {
                await foreach (TrainingJobUpdate update in _jobs.WatchAsync("j1", pollingInterval, token))
                {
                    update.Status.Should().Be("Running");
                }
            },
            Poller.FineTuningCompletion => async () => _ = async ? await _fineTuning.WaitForCompletionAsync("ftjob-1", pollingInterval, token) : _fineTuning.WaitForCompletion("ftjob-1", pollingInterval, token),
            Poller.FileProcessed => async () =>
            {
                FineTuningFilesClient files = _fineTuning.GetFilesClient();
                _ = async ? await files.WaitForProcessedAsync("file-1", pollingInterval, token) : files.WaitForProcessed("file-1", pollingInterval, token);
            },
            _ => throw new ArgumentOutOfRangeException(nameof(poller)),
        };

        await poll.Should().ThrowAsync<OperationCanceledException>();
        _polls.Should().Be(CancelAtPoll);
    }

    private void Accepted(string method, string path, string header, string operationPath, (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(202).WithHeader(header, new Uri(_service.Endpoint, operationPath.TrimStart('/')).AbsoluteUri);
        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _service.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Answers every GET of <paramref name="path"/> the same way, and cancels the caller's token at the fifth.</summary>
    private void AnswerForever(string path, int status, string? body, (string Name, string Value)[] headers)
    {
        _service.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithCallback(_ =>
        {
            if (Interlocked.Increment(ref _polls) == CancelAtPoll)
            {
                _cancellation.Cancel();
            }

            var responseHeaders = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
            foreach ((string name, string value) in headers)
            {
                responseHeaders[name] = new(value);
            }

            return new ResponseMessage
            {
                StatusCode = status,
                Headers = responseHeaders,
                BodyData = body is null ? null : new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
            };
        }));
    }
}
