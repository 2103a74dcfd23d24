using System;

namespace Foundry.Training.Jobs;

/// <summary>Time and step range for the metric history, aggregate and sample operations.</summary>
public class MetricQueryOptions
{
    /// <summary>Start of the metric time range.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>End of the metric time range.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Minimum metric step to include.</summary>
    public long? MinStep { get; set; }

    /// <summary>Maximum metric step to include.</summary>
    public long? MaxStep { get; set; }

    /// <summary>Maximum number of metric points to return (per page for the history).</summary>
    public int? Limit { get; set; }
}
