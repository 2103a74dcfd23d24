using System;

namespace Foundry.Training.Jobs;

/// <summary>One log file of a training job's attempt, as <c>TrainingJobsClient.GetLogs</c> lists it.</summary>
public sealed class TrainingLogFile
{
    /// <summary>Creates the record of a log file (also for mocking <c>GetLogs</c>).</summary>
    /// <param name="attemptId">The attempt that wrote the file.</param>
    /// <param name="path">The file's artifact path, for example <c>user_logs/std_log.txt</c>.</param>
    /// <param name="size">The file's size in bytes when it was listed, if the service said.</param>
    /// <param name="updatedAt">When the file last changed, if the service said.</param>
    /// <exception cref="ArgumentException"><paramref name="attemptId"/> or <paramref name="path"/> is null or empty.</exception>
    public TrainingLogFile(string attemptId, string path, long? size, DateTimeOffset? updatedAt)
    {
        Argument.AssertNotNullOrEmpty(attemptId, nameof(attemptId));
        Argument.AssertNotNullOrEmpty(path, nameof(path));
        AttemptId = attemptId;
        Path = path;
        Size = size;
        UpdatedAt = updatedAt;
    }

    /// <summary>The attempt that wrote the file.</summary>
    public string AttemptId { get; }

    /// <summary>The file's artifact path, for example <c>user_logs/std_log.txt</c>; read it with <c>DownloadArtifact</c>.</summary>
    public string Path { get; }

    /// <summary>The file's size in bytes when it was listed (a running attempt's log keeps growing), if the service said.</summary>
    public long? Size { get; }

    /// <summary>When the file last changed, if the service said.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <inheritdoc/>
    public override string ToString() => AttemptId + "/" + Path;
}
