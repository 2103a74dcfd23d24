using System;
using System.Text;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Thrown by <see cref="FineTuningClient.WaitForCompletionAsync"/> when the job ends in the <c>failed</c> state. The
/// requests themselves succeeded, so <see cref="RequestFailedException.Status"/> is 0; <see cref="RequestFailedException.ErrorCode"/>
/// is the job's error code and <see cref="Job"/> the job as last read, with <see cref="FineTuningJob.Error"/> (code,
/// message and the invalid parameter, if any). It derives from <see cref="RequestFailedException"/> so one
/// <c>catch</c> handles every service-side failure. Its message ends, as Azure.Core's do, with an
/// <c>ErrorCode: ...</c> line when the job has an error code.
/// </summary>
public class FineTuningJobFailedException : RequestFailedException
{
    /// <summary>Creates the exception for a failed job.</summary>
    /// <param name="job">The failed job.</param>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    public FineTuningJobFailedException(FineTuningJob job)
        : base(0, CreateMessage(job), job?.Error?.Code?.ToString(), null)
    {
        Job = job!;
    }

    /// <summary>The job as last read, in the <c>failed</c> state.</summary>
    public FineTuningJob Job { get; }

    /// <summary>Why the job failed, when the service said (<see cref="FineTuningJob.Error"/>).</summary>
    public FineTuningError? JobError => Job.Error;

    private static string CreateMessage(FineTuningJob job)
    {
        Argument.AssertNotNull(job, nameof(job));
        var message = new StringBuilder("Fine-tuning job '").Append(job.Id).Append("' failed");
        FineTuningError? error = job.Error;
        if (error is null)
        {
            return message.Append(" without error details.").ToString();
        }

        message.Append(": ").Append(error.Message ?? "(no message)");
        if (!string.IsNullOrEmpty(error.Param))
        {
            message.Append(" (param: ").Append(error.Param).Append(')');
        }

        return ServiceFailure.Describe(message.ToString(), status: 0, error.Code?.ToString());
    }
}
