namespace Foundry.Training.Jobs;

/// <summary>Progress of <c>TrainingJobsClient.DownloadArtifacts</c>, reported as bytes arrive and as files complete.</summary>
public sealed class ArtifactDownloadProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="artifactPath">The artifact the report is about.</param>
    /// <param name="artifactBytes">Bytes of that artifact written so far.</param>
    /// <param name="totalBytes">Bytes of all artifacts written so far.</param>
    /// <param name="completedFiles">Artifacts fully written so far.</param>
    /// <param name="totalFiles">Artifacts to download in all.</param>
    public ArtifactDownloadProgress(string artifactPath, long artifactBytes, long totalBytes, int completedFiles, int totalFiles)
    {
        ArtifactPath = artifactPath;
        ArtifactBytes = artifactBytes;
        TotalBytes = totalBytes;
        CompletedFiles = completedFiles;
        TotalFiles = totalFiles;
    }

    /// <summary>The artifact the report is about.</summary>
    public string ArtifactPath { get; }

    /// <summary>Bytes of <see cref="ArtifactPath"/> written so far.</summary>
    public long ArtifactBytes { get; }

    /// <summary>Bytes of all artifacts written so far.</summary>
    public long TotalBytes { get; }

    /// <summary>Artifacts fully written so far.</summary>
    public int CompletedFiles { get; }

    /// <summary>Artifacts to download in all.</summary>
    public int TotalFiles { get; }
}
