using System;

namespace Foundry.Training.Jobs;

/// <summary>The job statuses after which nothing changes any more (the service spells them in several cases).</summary>
internal static class TrainingJobStates
{
    private static readonly string[] s_terminal = { "completed", "failed", "canceled", "cancelled" };

    public static bool IsTerminal(string? status) =>
        status is not null && Array.Exists(s_terminal, terminal => string.Equals(terminal, status, StringComparison.OrdinalIgnoreCase));

    public static string? StatusOf(TrainingJob job) => (job.Properties as CommandJob)?.Status;
}
