namespace Foundry.Training.Cli.Watching;

/// <summary>What <c>jobs watch</c> knows so far: status, latest value of each metric, the loss curve and recent events.</summary>
internal sealed class WatchState(string job, string target, DateTimeOffset started)
{
    /// <summary>How many loss values the curve keeps (the sparkline shows the latest that fit).</summary>
    private const int LossHistory = 240;
    private const int RecentMessages = 5;

    private readonly SortedDictionary<string, (long? Step, double Value)> _latest = new(StringComparer.Ordinal);
    private readonly List<double> _loss = [];
    private readonly Queue<string> _messages = new();

    public string Job { get; } = job;

    public string Target { get; } = target;

    public DateTimeOffset Started { get; } = started;

    public string? Status { get; private set; }

    /// <summary>The job as last read (a Foundry <c>TrainingJob</c> or a <c>FineTuningJob</c>).</summary>
    public object? LastJob { get; private set; }

    /// <summary>The highest step seen in any metric of <see cref="Attempt"/>.</summary>
    public long? Step { get; private set; }

    /// <summary>
    /// The Foundry attempt whose metrics are shown; a retried or preempted job starts its steps again in a new attempt,
    /// so its metrics and loss curve start again too.
    /// </summary>
    public string? Attempt { get; private set; }

    public IReadOnlyDictionary<string, (long? Step, double Value)> Latest => _latest;

    public IReadOnlyList<double> Loss => _loss;

    public IReadOnlyCollection<string> Messages => _messages;

    public void Apply(WatchUpdate update)
    {
        switch (update)
        {
            case StatusUpdate status:
                Status = status.Status;
                LastJob = status.Job;
                break;
            case MetricUpdate { Point.Value: double value } metric:
                StartAttempt(metric.AttemptId);
                Record(metric.Metric, metric.Point.Step, value);
                break;
            case EventUpdate jobEvent:
                foreach ((string name, double value) in jobEvent.Metrics)
                {
                    Record(name, jobEvent.Step, value);
                }

                if (jobEvent.Metrics.Count == 0 && !string.IsNullOrEmpty(jobEvent.Event.Message))
                {
                    _messages.Enqueue(jobEvent.Event.Message);
                    if (_messages.Count > RecentMessages)
                    {
                        _messages.Dequeue();
                    }
                }

                break;
        }
    }

    /// <summary>The training loss: Foundry's <c>train/loss</c>, fine-tuning's <c>train_loss</c>.</summary>
    public static bool IsLoss(string metric) => metric is "train/loss" or "train_loss";

    private void StartAttempt(string attemptId)
    {
        if (Attempt is not null && !string.Equals(Attempt, attemptId, StringComparison.Ordinal))
        {
            _latest.Clear();
            _loss.Clear();
            Step = null;
        }

        Attempt = attemptId;
    }

    private void Record(string metric, long? step, double value)
    {
        _latest[metric] = (step, value);
        if (step > Step || Step is null && step is not null)
        {
            Step = step;
        }

        if (IsLoss(metric))
        {
            _loss.Add(value);
            if (_loss.Count > LossHistory)
            {
                _loss.RemoveAt(0);
            }
        }
    }
}
