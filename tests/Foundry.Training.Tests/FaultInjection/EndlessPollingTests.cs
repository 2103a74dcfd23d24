using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// Polling that never ends — a 202 forever, a job that stays running, a file that stays pending — for every waiting
/// operation of both clients: delete and cancel operations, <c>WaitForCompletion</c> of both clients,
/// <c>WaitForProcessed</c> and <c>WatchAsync</c>. The caller's token bounds each of them: the service cancels it
/// from inside its answer to the fifth poll, so the call ends in <see cref="OperationCanceledException"/> right there,
/// deterministically and without a single sleep.
/// </summary>
public sealed class EndlessPollingTests : IDisposable
{
    private const int CancelAtPoll = 5;

    private readonly MockService _service = new();
    private readonly FaultClients _clients;
    private readonly CancellationTokenSource _cancellation = new();
    private int _polls;

    public EndlessPollingTests() => _clients = new FaultClients(_service.Endpoint);

    public void Dispose()
    {
        _service.Dispose();
        _cancellation.Dispose();
    }

    private static readonly TimeSpan s_fast = TimeSpan.FromMilliseconds(1);

    /// <summary>Answers every GET of <paramref name="path"/> the same way, and cancels the caller's token at the fifth.</summary>
    private void AnswerForever(string path, int status, string? body)
    {
        _service.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithCallback(_ =>
        {
            if (Interlocked.Increment(ref _polls) == CancelAtPoll)
            {
                _cancellation.Cancel();
            }

            return new ResponseMessage
            {
                StatusCode = status,
                Headers = new Dictionary<string, WireMockList<string>> { ["retry-after-ms"] = new("1"), ["Content-Type"] = new("application/json") },
                BodyData = body is null ? null : new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
            };
        }));
    }

    private async Task AssertCancelledAtTheFifthPoll(Func<Task> wait)
    {
        await wait.Should().ThrowAsync<OperationCanceledException>();
        _polls.Should().Be(CancelAtPoll);
    }

    private void Accepted(string method, string path, string header, string operationPath) =>
        _service.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithStatusCode(202)
            .WithHeader(header, new Uri(_service.Endpoint, operationPath.TrimStart('/')).AbsoluteUri)
            .WithHeader("retry-after-ms", "1"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADeleteWhoseOperationStaysAccepted_EndsWhenTheCallerCancels(bool async)
    {
        Accepted("DELETE", "/api/projects/p/training_jobs/j1", "Operation-Location", "/api/projects/p/training_jobs/operations/op-1/status");
        AnswerForever("/api/projects/p/training_jobs/operations/op-1/status", 202, null);

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await _clients.Jobs.DeleteAsync(WaitUntil.Completed, "j1", _cancellation.Token);
            }
            else
            {
                _clients.Jobs.Delete(WaitUntil.Completed, "j1", _cancellation.Token);
            }
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACancelWhoseOperationStaysAccepted_EndsWhenTheCallerCancels(bool async)
    {
        Accepted("POST", "/api/projects/p/training_jobs/j1:cancel", "Location", "/api/projects/p/training_jobs/operations/op-2/result");
        AnswerForever("/api/projects/p/training_jobs/operations/op-2/result", 202, null);

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await _clients.Jobs.CancelAsync(WaitUntil.Completed, "j1", _cancellation.Token);
            }
            else
            {
                _clients.Jobs.Cancel(WaitUntil.Completed, "j1", _cancellation.Token);
            }
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ARehydratedOperationThatStaysInProgress_EndsWhenTheCallerCancels(bool async)
    {
        AnswerForever("/api/projects/p/training_jobs/operations/op-3/status", 200, """{"id":"op-3","status":"InProgress","percent_complete":42}""");
        var operation = new TrainingJobOperation(_clients.Jobs, "op-3");

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await operation.WaitForCompletionAsync(s_fast, _cancellation.Token);
            }
            else
            {
                operation.WaitForCompletion(s_fast, _cancellation.Token);
            }
        });
        operation.HasCompleted.Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATrainingJobThatNeverFinishes_WaitForCompletionEndsWhenTheCallerCancels(bool async)
    {
        AnswerForever("/api/projects/p/training_jobs/j1", 200, """{"name":"j1","properties":{"job_type":"command","status":"Running"}}""");

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await _clients.Jobs.WaitForCompletionAsync("j1", s_fast, _cancellation.Token);
            }
            else
            {
                _clients.Jobs.WaitForCompletion("j1", s_fast, _cancellation.Token);
            }
        });
    }

    [Fact]
    public async Task ATrainingJobThatNeverFinishes_WatchEndsWhenTheCallerCancels()
    {
        AnswerForever("/api/projects/p/training_jobs/j1", 200, """{"name":"j1","properties":{"job_type":"command","status":"Running"}}""");
        var updates = new List<TrainingJobUpdate>();

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            await foreach (TrainingJobUpdate update in _clients.Jobs.WatchAsync("j1", s_fast, _cancellation.Token))
            {
                updates.Add(update);
            }
        });
        updates.Should().ContainSingle("the status never changed").Which.Status.Should().Be("Running");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFineTuningJobThatNeverFinishes_WaitForCompletionEndsWhenTheCallerCancels(bool async)
    {
        AnswerForever("/openai/fine_tuning/jobs/ftjob-1", 200, """{"object":"fine_tuning.job","id":"ftjob-1","status":"running"}""");

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await _clients.FineTuning.WaitForCompletionAsync("ftjob-1", s_fast, _cancellation.Token);
            }
            else
            {
                _clients.FineTuning.WaitForCompletion("ftjob-1", s_fast, _cancellation.Token);
            }
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFileThatNeverGetsProcessed_WaitForProcessedEndsWhenTheCallerCancels(bool async)
    {
        AnswerForever("/openai/files/file-1", 200, """{"object":"file","id":"file-1","status":"pending"}""");

        await AssertCancelledAtTheFifthPoll(async () =>
        {
            if (async)
            {
                await _clients.Files.WaitForProcessedAsync("file-1", s_fast, _cancellation.Token);
            }
            else
            {
                _clients.Files.WaitForProcessed("file-1", s_fast, _cancellation.Token);
            }
        });
    }
}
