using System;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.JobArtifact"/>.</summary>
    /// <param name="path">Artifact path relative to the job artifact root.</param>
    /// <param name="type">Artifact type.</param>
    /// <param name="size">Artifact size in bytes.</param>
    /// <param name="createdAt">Time the artifact was created.</param>
    /// <param name="updatedAt">Time the artifact was last updated.</param>
    /// <returns>The model.</returns>
    public static JobArtifact JobArtifact(
        string? path = null,
        JobArtifactType? type = null,
        long? size = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) =>
        new()
        {
            Path = path ?? string.Empty,
            Type = type ?? default,
            Size = size,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

    /// <summary>Builds a <see cref="Jobs.JobArtifactContentInfo"/>.</summary>
    /// <param name="path">Artifact path relative to the job artifact root.</param>
    /// <param name="contentUri">Download URI for the artifact content (typically pre-signed; treat it as a secret).</param>
    /// <param name="contentType">MIME type of the content.</param>
    /// <param name="expiresAt">Time the content URI expires.</param>
    /// <returns>The model.</returns>
    public static JobArtifactContentInfo JobArtifactContentInfo(
        string? path = null,
        Uri? contentUri = null,
        string? contentType = null,
        DateTimeOffset? expiresAt = null) =>
        new()
        {
            Path = path ?? string.Empty,
            ContentUri = contentUri,
            ContentType = contentType,
            ExpiresAt = expiresAt,
        };
}
