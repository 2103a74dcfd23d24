using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Watching;

/// <summary>
/// Watches a job until it ends (<c>jobs watch</c>, <c>jobs create --watch</c>): a live panel at a terminal, a line per
/// update in logs, JSON Lines with <c>--output json</c>. Ctrl+C stops watching, never the job.
/// </summary>
internal static class JobWatch
{
    /// <returns>0 when the job succeeded, 1 when it failed or was canceled, 130 when the watch was stopped.</returns>
    public static async Task<int> RunAsync(CommandContext context, Connection connection, string name, TimeSpan? interval)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        TimeSpan? pollingInterval = interval ?? connection.PollingInterval;
        IAsyncEnumerable<WatchUpdate> updates = connection.Kind == ServiceKind.Foundry
            ? JobUpdates.FoundryAsync(connection.TrainingJobs, name, pollingInterval, cancellationToken)
            : JobUpdates.FineTuningAsync(connection.FineTuning, name, pollingInterval, cancellationToken);
        var state = new WatchState(name, connection.Target.ToString(), DateTimeOffset.UtcNow);
        try
        {
            if (context.Json)
            {
                await foreach (WatchUpdate update in updates.ConfigureAwait(false))
                {
                    state.Apply(update);
                    context.JsonOut.WriteLine(update.ToJson());
                }
            }
            else if (context.Console.Profile.Capabilities.Interactive)
            {
                await context.Console.Live(WatchView.Panel(state, DateTimeOffset.UtcNow)).AutoClear(false).StartAsync(async live =>
                {
                    await foreach (WatchUpdate update in updates.ConfigureAwait(false))
                    {
                        state.Apply(update);
                        live.UpdateTarget(WatchView.Panel(state, DateTimeOffset.UtcNow));
                    }
                }).ConfigureAwait(false);
            }
            else
            {
                await foreach (WatchUpdate update in updates.ConfigureAwait(false))
                {
                    state.Apply(update);
                    if (WatchView.Line(update) is string line)
                    {
                        context.Console.Write(new Text(line + Environment.NewLine));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Note($"Stopped watching; {Display.Safe(name)} keeps running (last status: {Display.Safe(state.Status ?? "unknown")}).");
            return ExitCodes.Canceled;
        }

        if (TrainingJobStatus.IsSuccessful(state.Status))
        {
            if (!context.Json)
            {
                context.Console.Write(new Text($"{Display.Safe(name)} {Display.Safe(state.Status)}" + Environment.NewLine, new Style(Color.Green)));
            }

            return ExitCodes.Success;
        }

        string? reason = await FailureReasonAsync(connection, name, state, cancellationToken).ConfigureAwait(false);
        context.Host.ErrorWriter.WriteLine($"{Display.Safe(name)} ended {Display.Safe(state.Status ?? "unknown")}{(reason is null ? "." : ": " + Display.Safe(reason))}");
        return ExitCodes.ProblemsFound;
    }

    /// <summary>Why the job ended without success: the fine-tuning job's error, or the Foundry attempt's.</summary>
    private static async Task<string?> FailureReasonAsync(Connection connection, string name, WatchState state, CancellationToken cancellationToken)
    {
        if (state.LastJob is FineTuning.FineTuningJob { Error: { } error })
        {
            return $"{error.Code}: {error.Message}";
        }

        if (connection.Kind != ServiceKind.Foundry)
        {
            return null;
        }

        NullableResponse<JobAttempt> latest = await connection.TrainingJobs.GetAttemptIfExistsAsync(name, TrainingJobsClient.LatestAttempt, cancellationToken).ConfigureAwait(false);
        JobAttempt? attempt = latest.HasValue ? latest.Value : null;
        if (attempt is null)
        {
            return null; // canceled before it ran: no attempt
        }

        return attempt.Error is { } attemptError ? $"{attemptError.Code}: {attemptError.Message}" : attempt.StatusReason;
    }
}
