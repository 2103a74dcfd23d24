using System.Globalization;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The times of a job's attempts, read through the public <see cref="TrainingJobsClient"/>, on a manual clock whose step
/// is not a whole number of seconds: each attempt is queued, then starts, then ends, and attempt 2 is queued when it is
/// created — when attempt 1 ended, never earlier.
/// </summary>
public sealed class TrainingJobsAttemptTimesTests : IDisposable
{
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(1250);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;

    public TrainingJobsAttemptTimesTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 6 });
        _client = _emulator.CreateTrainingJobsClient();
    }

    public void Dispose() => _emulator.Dispose();

    [Theory]
    [InlineData("retry")]
    [InlineData("preempt")]
    [InlineData("fail-then-succeed")]
    public async Task EachAttempt_IsQueuedThenStartsThenEnds_AndAttempt2IsQueuedWhenAttempt1Ended(string scenario)
    {
        DateTimeOffset created = _clock.Now;
        await _client.CreateAsync("timed", TrainingJobsAttemptScenarioTests.WithScenario(scenario));

        // Check at every step, so that the times are also right while attempt 2 is queued or running.
        bool sawTwo = false;
        for (int step = 0; step < 20; step++)
        {
            _clock.Advance(s_step);
            List<JobAttempt> attempts = await _client.GetAttemptsAsync("timed").ToListAsync();
            if (attempts.Count == 0)
            {
                continue;
            }

            JobAttempt first = attempts[0];
            QueuedAt(first).Should().Be(created, "attempt 1 is queued when the job is created");
            first.StartedAt.Should().BeOnOrAfter(QueuedAt(first));
            AssertQueueDuration(first);
            if (attempts.Count == 1)
            {
                continue;
            }

            sawTwo = true;
            JobAttempt second = attempts[1];
            first.EndedAt.Should().NotBeNull("attempt 1 ended before attempt 2 was created");
            first.EndedAt.Should().BeOnOrAfter(first.StartedAt!.Value);
            QueuedAt(second).Should().Be(first.EndedAt!.Value, "attempt 2 is created, and so queued, when attempt 1 ends");
            second.StartedAt.Should().BeOnOrAfter(QueuedAt(second));
            second.StartedAt.Should().BeOnOrAfter(first.EndedAt.Value);
            AssertQueueDuration(second);
            if (second.EndedAt is DateTimeOffset ended)
            {
                ended.Should().BeOnOrAfter(second.StartedAt!.Value);
            }
        }

        sawTwo.Should().BeTrue();
        ((CommandJob)(await _client.GetAsync("timed")).Value.Properties).Status.Should().Be("Completed");
    }

    /// <summary><c>queued_at</c>: Unix seconds, as the service's other timestamps (<c>started_at</c>, <c>ended_at</c>).</summary>
    private static DateTimeOffset QueuedAt(JobAttempt attempt) =>
        DateTimeOffset.FromUnixTimeSeconds(attempt.QueueingInfo!["queued_at"]!.GetValue<long>());

    /// <summary><c>queue_duration</c> is exact; the timestamps it lies between are whole seconds.</summary>
    private static void AssertQueueDuration(JobAttempt attempt)
    {
        string duration = attempt.QueueingInfo!["queue_duration"]!.GetValue<string>();
        duration.Should().StartWith("PT").And.EndWith("S");
        TimeSpan queued = TimeSpan.FromSeconds((double)decimal.Parse(duration[2..^1], CultureInfo.InvariantCulture));
        queued.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        queued.Should().BeCloseTo(attempt.StartedAt!.Value - QueuedAt(attempt), TimeSpan.FromSeconds(1));
    }
}
