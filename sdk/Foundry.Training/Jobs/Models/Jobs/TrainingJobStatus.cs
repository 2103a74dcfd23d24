using System;

namespace Foundry.Training.Jobs;

/// <summary>
/// The well-known values of <see cref="CommandJob.Status"/>, spelled as the service spells them (Azure Machine Learning
/// job statuses), and case-insensitive checks of a status. The status is an open string: the service may report values
/// not listed here, and spells some in other cases (<c>cancelled</c>), so compare with these helpers rather than with
/// <c>==</c>.
/// </summary>
/// <example>
/// <code>
/// TrainingJob job = (await client.WaitForCompletionAsync("my-job")).Value;
/// string? status = ((CommandJob)job.Properties).Status;
/// if (!TrainingJobStatus.IsSuccessful(status))
/// {
///     Console.WriteLine($"The job ended as {status}.");
/// }
/// </code>
/// </example>
public static class TrainingJobStatus
{
    /// <summary>The job is accepted but not yet submitted. (<c>NotStarted</c>)</summary>
    public const string NotStarted = "NotStarted";

    /// <summary>The service has started processing the job. (<c>Starting</c>)</summary>
    public const string Starting = "Starting";

    /// <summary>On-demand compute is being created for the job. (<c>Provisioning</c>)</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>The job's environment is being prepared (image build, environment setup). (<c>Preparing</c>)</summary>
    public const string Preparing = "Preparing";

    /// <summary>The job is waiting on its compute for the requested nodes. (<c>Queued</c>)</summary>
    public const string Queued = "Queued";

    /// <summary>The job is running on its compute. (<c>Running</c>)</summary>
    public const string Running = "Running";

    /// <summary>The job's code has finished and its outputs are being post-processed. (<c>Finalizing</c>)</summary>
    public const string Finalizing = "Finalizing";

    /// <summary>Cancellation was requested; the job is stopping. (<c>CancelRequested</c>)</summary>
    public const string CancelRequested = "CancelRequested";

    /// <summary>The job completed successfully. Terminal. (<c>Completed</c>)</summary>
    public const string Completed = "Completed";

    /// <summary>The job failed; its latest attempt carries the error. Terminal. (<c>Failed</c>)</summary>
    public const string Failed = "Failed";

    /// <summary>The job was canceled. Terminal. (<c>Canceled</c>)</summary>
    public const string Canceled = "Canceled";

    /// <summary>The job has not sent a heartbeat recently; it may still recover, so this is not terminal. (<c>NotResponding</c>)</summary>
    public const string NotResponding = "NotResponding";

    /// <summary>The job is paused and may be resumed, so this is not terminal. (<c>Paused</c>)</summary>
    public const string Paused = "Paused";

    /// <summary>
    /// Whether <paramref name="status"/> is final — nothing changes any more: <see cref="Completed"/>,
    /// <see cref="Failed"/> or <see cref="Canceled"/>, in any case, and the spellings <c>cancelled</c> and
    /// <c>succeeded</c> of Foundry's shared job statuses. This is the check <c>TrainingJobsClient.WaitForCompletion</c>
    /// and <c>WatchAsync</c> stop on.
    /// </summary>
    /// <param name="status">A <see cref="CommandJob.Status"/>; null (unknown) is not terminal.</param>
    /// <returns><see langword="true"/> for a terminal status.</returns>
    public static bool IsTerminal(string? status) =>
        Is(status, Completed) || Is(status, Failed) || Is(status, Canceled) || Is(status, "cancelled") || Is(status, "succeeded");

    /// <summary>
    /// Whether <paramref name="status"/> says the job finished successfully: <see cref="Completed"/> in any case, or
    /// <c>succeeded</c>.
    /// </summary>
    /// <param name="status">A <see cref="CommandJob.Status"/>; null is not successful.</param>
    /// <returns><see langword="true"/> for a successful end.</returns>
    public static bool IsSuccessful(string? status) => Is(status, Completed) || Is(status, "succeeded");

    /// <summary>
    /// Whether <paramref name="status"/> says the job has not started running yet — <see cref="NotStarted"/>,
    /// <see cref="Starting"/>, <see cref="Provisioning"/>, <see cref="Preparing"/> or <see cref="Queued"/>, in any case.
    /// Such a job has logged no metrics yet and may have no attempt yet (reading <c>attempts/latest</c> answers 404).
    /// An unknown status is not assumed to be one of them.
    /// </summary>
    /// <param name="status">A <see cref="CommandJob.Status"/>; null (unknown) is not assumed to be waiting.</param>
    /// <returns><see langword="true"/> for a job still waiting to start.</returns>
    public static bool IsWaitingToStart(string? status) =>
        Is(status, NotStarted) || Is(status, Starting) || Is(status, Provisioning) || Is(status, Preparing) || Is(status, Queued);

    private static bool Is(string? status, string value) => StatusText.Is(status, value);
}
