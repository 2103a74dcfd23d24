namespace Foundry.Training.Testing;

/// <summary>The job statuses the emulated Foundry service reports (<c>CommandJob.Status</c>), spelled as Azure Machine Learning spells them.</summary>
internal static class TrainingJobStatus
{
    public const string Queued = "Queued";

    public const string Running = "Running";

    public const string Completed = "Completed";

    public const string Failed = "Failed";

    public const string CancelRequested = "CancelRequested";

    public const string Canceled = "Canceled";
}
