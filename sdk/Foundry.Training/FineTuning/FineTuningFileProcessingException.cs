using System;
using System.Text;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Thrown by <see cref="FineTuningFilesClient.WaitForProcessedAsync"/> when a file ends in the <c>error</c> (or
/// <c>deleted</c>) state instead of <c>processed</c>. The requests themselves succeeded, so
/// <see cref="RequestFailedException.Status"/> is 0; <see cref="File"/> is the file as last read, with its
/// <see cref="FineTuningFile.StatusDetails"/>. <see cref="RequestFailedException.ErrorCode"/> is the file's status, which
/// the message also ends with (<c>ErrorCode: error</c>), as Azure.Core's messages end with the service's code.
/// </summary>
public class FineTuningFileProcessingException : RequestFailedException
{
    /// <summary>Creates the exception for a file that could not be processed.</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
    public FineTuningFileProcessingException(FineTuningFile file)
        : base(0, CreateMessage(file), file?.Status?.ToString(), null)
    {
        File = file!;
    }

    /// <summary>The file as last read.</summary>
    public FineTuningFile File { get; }

    private static string CreateMessage(FineTuningFile file)
    {
        Argument.AssertNotNull(file, nameof(file));
        var message = new StringBuilder("File '").Append(file.Id).Append('\'');
        if (!string.IsNullOrEmpty(file.FileName))
        {
            message.Append(" (").Append(file.FileName).Append(')');
        }

        message.Append(" was not processed; its status is '").Append(file.Status?.ToString()).Append('\'');
        message = string.IsNullOrEmpty(file.StatusDetails) ? message.Append('.') : message.Append(": ").Append(file.StatusDetails);
        return ServiceFailure.Describe(message.ToString(), status: 0, file.Status?.ToString());
    }
}
