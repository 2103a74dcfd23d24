using System;
using System.Collections.Generic;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// One upload of the Uploads API (OpenAI platform): its parts, kept in memory up to
/// <see cref="FoundryTrainingEmulatorOptions.MaxStoredFileBytes"/> in all (the rest is counted, as for a file upload),
/// until it is completed into a file, cancelled, or expires an hour after it was created. Not thread-safe.
/// </summary>
internal sealed class EmulatedUpload
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public EmulatedUpload(string id, string fileName, string purpose, long bytes, string mimeType, long? fileExpiresAfterSeconds, DateTimeOffset now)
    {
        Id = id;
        FileName = fileName;
        Purpose = purpose;
        Bytes = bytes;
        MimeType = mimeType;
        FileExpiresAfterSeconds = fileExpiresAfterSeconds;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public string Id { get; }

    public string FileName { get; }

    public string Purpose { get; }

    public long Bytes { get; }

    public string MimeType { get; }

    public long? FileExpiresAfterSeconds { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public FineTuningUploadStatus Status { get; set; } = FineTuningUploadStatus.Pending;

    /// <summary>The parts by id, in the order they arrived.</summary>
    public Dictionary<string, Part> Parts { get; } = new(StringComparer.Ordinal);

    /// <summary>The file the upload became, once completed.</summary>
    public EmulatedFile? File { get; set; }

    public void AdvanceTo(DateTimeOffset now)
    {
        if (Status == FineTuningUploadStatus.Pending && now >= ExpiresAt)
        {
            Status = FineTuningUploadStatus.Expired;
            Parts.Clear(); // an expired upload's parts are gone
        }
    }

    public FineTuningUpload ToModel() =>
        FineTuningModelFactory.FineTuningUpload(
            id: Id,
            fileName: FileName,
            bytes: Bytes,
            purpose: Purpose,
            status: Status,
            createdAt: CreatedAt,
            expiresAt: ExpiresAt,
            file: File?.ToModel());

    /// <summary>A part: its size, and its first bytes (all of them unless <see cref="Truncated"/>).</summary>
    internal sealed record Part(string Id, long Length, byte[] Content, bool Truncated, DateTimeOffset CreatedAt);
}
