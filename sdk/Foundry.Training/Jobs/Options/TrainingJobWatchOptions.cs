using System;

namespace Foundry.Training.Jobs;

/// <summary>How <c>TrainingJobsClient.WatchAsync</c> watches a job.</summary>
public class TrainingJobWatchOptions
{
    /// <summary>
    /// The shortest wait between polls (longer only when the service's <c>Retry-After</c> asks for more, at most 5
    /// minutes); when null, as the service asks, else 10 seconds.
    /// </summary>
    public TimeSpan? PollingInterval { get; set; }

    /// <summary>
    /// Whether the watch also yields every new line of the job's logs (<see cref="TrainingJobUpdateKind.LogLine"/>), read
    /// on each poll as <c>StreamLogsAsync</c> reads them. Defaults to <see langword="false"/>.
    /// </summary>
    public bool IncludeLogs { get; set; }
}
