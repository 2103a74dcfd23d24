namespace Foundry.Training.Jobs;

/// <summary>Reads a job's status for the pollers; the status values and their meaning are <see cref="TrainingJobStatus"/>'s.</summary>
internal static class TrainingJobStates
{
    public static string? StatusOf(TrainingJob job) => (job.Properties as CommandJob)?.Status;
}
