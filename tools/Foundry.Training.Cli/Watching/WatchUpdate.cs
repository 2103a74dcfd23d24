using System.Text.Json.Nodes;
using Foundry.Training.Cli.Output;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Watching;

/// <summary>Something <c>jobs watch</c> saw, from either kind of service; <see cref="ToJson"/> is its line in <c>--output json</c>.</summary>
internal abstract record WatchUpdate
{
    public abstract JsonObject ToJson();
}

/// <summary>The job's status changed (the first update of a watch reports the status it found).</summary>
/// <param name="Status">The new status.</param>
/// <param name="Job">The job as read: a <see cref="TrainingJob"/> or a <see cref="FineTuningJob"/>.</param>
internal sealed record StatusUpdate(string? Status, object Job) : WatchUpdate
{
    public override JsonObject ToJson() => new()
    {
        ["type"] = "status",
        ["status"] = Status,
        ["job"] = Job is TrainingJob foundry ? JsonOutput.Model(foundry) : JsonOutput.Model((FineTuningJob)Job),
    };
}

/// <summary>A Foundry metric point.</summary>
internal sealed record MetricUpdate(string AttemptId, string Metric, JobMetricPoint Point) : WatchUpdate
{
    public override JsonObject ToJson() => new()
    {
        ["type"] = "metric",
        ["attempt_id"] = AttemptId,
        ["metric"] = Metric,
        ["point"] = JsonOutput.Model(Point),
    };
}

/// <summary>A fine-tuning job event; a <c>metrics</c> event carries its step and numbers in <see cref="Metrics"/>.</summary>
internal sealed record EventUpdate(FineTuningJobEvent Event, long? Step, IReadOnlyDictionary<string, double> Metrics) : WatchUpdate
{
    public override JsonObject ToJson() => new()
    {
        ["type"] = "event",
        ["event"] = JsonOutput.Model(Event),
    };
}
