namespace Foundry.Training.Jobs;

/// <summary>One artifact written to disk by <c>TrainingJobsClient.DownloadArtifacts</c>.</summary>
public sealed class DownloadedArtifact
{
    /// <summary>Creates the record of a downloaded artifact.</summary>
    /// <param name="artifactPath">The artifact path in the job.</param>
    /// <param name="localPath">The full path of the file written.</param>
    /// <param name="length">The number of bytes written.</param>
    public DownloadedArtifact(string artifactPath, string localPath, long length)
    {
        ArtifactPath = artifactPath;
        LocalPath = localPath;
        Length = length;
    }

    /// <summary>The artifact path in the job.</summary>
    public string ArtifactPath { get; }

    /// <summary>The full path of the file written.</summary>
    public string LocalPath { get; }

    /// <summary>The number of bytes written.</summary>
    public long Length { get; }
}
