using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// <see cref="TrainingJobsClient.WatchAsync(string, TimeSpan?, CancellationToken)"/> and
/// <see cref="TrainingJobsClient.WaitForCompletionAsync"/> see a job with two attempts through to its end, in real
/// (fast) time.
/// </summary>
public sealed class TrainingJobsAttemptScenarioWatchTests : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);

    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions
    {
        StepInterval = TimeSpan.FromMilliseconds(20),
        TrainingSteps = 6,
    });

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
    }

    [Theory]
    [InlineData("retry", new[] { 1L, 2L, 3L, 4L, 5L, 6L })]
    [InlineData("preempt", new[] { 4L, 5L, 6L })]
    [InlineData("fail-then-succeed", new[] { 1L, 2L, 3L, 4L, 5L, 6L })]
    public async Task Watch_FollowsTheJobThroughBothAttempts_ToCompleted(string scenario, long[] secondAttemptSteps)
    {
        TrainingJobsClient client = _emulator.CreateTrainingJobsClient();
        await client.CreateAsync(scenario, TrainingJobsAttemptScenarioTests.WithScenario(scenario), _timeout.Token);

        var updates = new List<TrainingJobUpdate>();
        await foreach (TrainingJobUpdate update in client.WatchAsync(scenario, s_poll, _timeout.Token))
        {
            updates.Add(update);
        }

        updates.Where(u => u.Kind == TrainingJobUpdateKind.StatusChanged).Select(u => u.Status).Last().Should().Be("Completed");
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint && u.AttemptId == "2" && u.MetricName == "train/loss").Select(u => u.Point!.Step)
            .Should().Equal(secondAttemptSteps.Cast<long?>(), "a new attempt starts the watch's steps over, and each point comes once");
        updates.Where(u => u.Kind == TrainingJobUpdateKind.MetricPoint).Select(u => u.AttemptId).Should().OnlyContain(id => id == "1" || id == "2");

        TrainingJob done = (await client.WaitForCompletionAsync(scenario, s_poll, _timeout.Token)).Value;
        ((CommandJob)done.Properties).Status.Should().Be("Completed");
        List<JobAttempt> attempts = await client.GetAttemptsAsync(scenario, cancellationToken: _timeout.Token).ToListAsync(_timeout.Token);
        attempts.Select(a => a.Id).Should().Equal("1", "2");
        attempts[0].Status.Should().Be(scenario == "preempt" ? JobAttemptStatus.Canceled : JobAttemptStatus.Failed);
        attempts[1].Status.Should().Be(JobAttemptStatus.Completed);
    }
}
