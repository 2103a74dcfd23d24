namespace Foundry.Training.Jobs;

/// <summary>Reads a job's status for the pollers; the status values and their meaning are <see cref="TrainingJobStatus"/>'s.</summary>
internal static class TrainingJobStates
{
    /// <summary>
    /// The status of a command job, or of a job type this SDK does not know (kept in its extension data): a wait on a
    /// newer job type must still see it end.
    /// </summary>
    public static string? StatusOf(TrainingJob job) => job.Properties switch
    {
        CommandJob command => command.Status,
        UnknownJobProperties unknown => UnknownDiscriminator.Read(unknown.AdditionalProperties, "status"),
        _ => null,
    };
}
