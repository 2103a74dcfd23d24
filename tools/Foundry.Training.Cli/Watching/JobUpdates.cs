using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Watching;

/// <summary>The updates of a job, until it ends: Foundry through the SDK's <c>WatchAsync</c>, fine-tuning by polling the job and its events.</summary>
internal static class JobUpdates
{
    /// <summary>Fine-tuning polls this often unless told otherwise (the Foundry watch has the SDK's own default).</summary>
    public static readonly TimeSpan DefaultFineTuningInterval = TimeSpan.FromSeconds(10);

    public static async IAsyncEnumerable<WatchUpdate> FoundryAsync(TrainingJobsClient client, string name, TimeSpan? interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (TrainingJobUpdate update in client.WatchAsync(name, interval, cancellationToken).ConfigureAwait(false))
        {
            yield return update.Kind == TrainingJobUpdateKind.StatusChanged
                ? new StatusUpdate(update.Status, update.Job!)
                : new MetricUpdate(update.AttemptId!, update.MetricName!, update.Point!);
        }
    }

    /// <summary>
    /// Polls the job and lists its new events (the services list them newest first, so listing stops at the first one
    /// seen before) until the job is terminal; the events are yielded oldest first.
    /// </summary>
    public static async IAsyncEnumerable<WatchUpdate> FineTuningAsync(FineTuningClient client, string jobId, TimeSpan? interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? lastStatus = null;
        bool first = true;
        while (true)
        {
            FineTuningJob job = (await client.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false)).Value;
            string? status = job.Status?.ToString();
            bool changed = first || !string.Equals(status, lastStatus, StringComparison.Ordinal);
            lastStatus = status;
            if (first)
            {
                yield return new StatusUpdate(status, job); // what the job is, then its history
            }

            var fresh = new List<FineTuningJobEvent>();
            await foreach (FineTuningJobEvent jobEvent in client.GetJobEventsAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(jobEvent.Id))
                {
                    break;
                }

                fresh.Add(jobEvent);
            }

            for (int i = fresh.Count - 1; i >= 0; i--)
            {
                yield return ToUpdate(fresh[i]);
            }

            if (changed && !first)
            {
                yield return new StatusUpdate(status, job); // after the events that led to it
            }

            first = false;
            if (job.Status is { IsTerminal: true })
            {
                yield break;
            }

            await Task.Delay(interval ?? DefaultFineTuningInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A <c>metrics</c> event's numbers (<c>train_loss</c>, <c>valid_mean_token_accuracy</c>, ...) and step; other values are skipped.</summary>
    private static EventUpdate ToUpdate(FineTuningJobEvent jobEvent)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        long? step = null;
        if (jobEvent.Data is JsonObject data)
        {
            foreach ((string key, JsonNode? value) in data)
            {
                if (value is JsonValue number && number.TryGetValue(out double x) && double.IsFinite(x))
                {
                    if (key == "step")
                    {
                        step = (long)x;
                    }
                    else
                    {
                        metrics[key] = x;
                    }
                }
            }
        }

        return new EventUpdate(jobEvent, step, metrics);
    }
}
