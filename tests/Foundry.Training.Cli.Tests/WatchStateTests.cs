using Foundry.Training.Cli.Watching;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Tests;

/// <summary>The <c>jobs watch</c> panel's state: a retried or preempted job starts its steps again in a new attempt.</summary>
public sealed class WatchStateTests
{
    [Fact]
    public void ANewAttempt_StartsTheMetricsAndLossCurveAgain_AndIsNamed()
    {
        var state = new WatchState("job", "foundry", DateTimeOffset.UnixEpoch);
        state.Apply(Loss("1", 1, 2.0));
        state.Apply(Loss("1", 2, 1.5));
        state.Apply(Loss("1", 3, 1.2));

        state.Attempt.Should().Be("1");
        state.Step.Should().Be(3);
        state.Loss.Should().Equal(2.0, 1.5, 1.2);

        state.Apply(Loss("2", 1, 1.9));

        state.Attempt.Should().Be("2");
        state.Step.Should().Be(1, "attempt 2 trains from its own step 1; the step shown must not stay at attempt 1's 3");
        state.Loss.Should().Equal(1.9);
        state.Latest["train/loss"].Should().Be(((long?)1, 1.9));
    }

    [Fact]
    public void TheSameAttempt_KeepsItsCurve()
    {
        var state = new WatchState("job", "foundry", DateTimeOffset.UnixEpoch);
        state.Apply(Loss("1", 1, 2.0));
        state.Apply(new MetricUpdate("1", "train/learning_rate", TrainingModelFactory.JobMetricPoint(step: 1, value: 0.001)));
        state.Apply(Loss("1", 2, 1.5));

        state.Loss.Should().Equal(2.0, 1.5);
        state.Latest.Keys.Should().Equal("train/learning_rate", "train/loss");
    }

    private static MetricUpdate Loss(string attempt, long step, double value) =>
        new(attempt, "train/loss", TrainingModelFactory.JobMetricPoint(step: step, value: value));
}
