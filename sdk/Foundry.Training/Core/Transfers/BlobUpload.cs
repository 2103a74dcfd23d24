using System;
using System.IO;
using Azure;

namespace Foundry.Training;

/// <summary>One local file to write to one block blob.</summary>
internal sealed class BlobUpload
{
    /// <param name="localPath">The file to read.</param>
    /// <param name="length">Its length when it was planned.</param>
    /// <param name="lastWriteTimeUtc">Its last write time when it was planned: with the length, what says it has not changed since.</param>
    /// <param name="blobUrl">The blob's URL with its SAS query: a secret, never put in a message.</param>
    /// <param name="name">The blob's name below the upload's root, for messages.</param>
    public BlobUpload(string localPath, long length, DateTime lastWriteTimeUtc, Uri blobUrl, string name)
    {
        LocalPath = localPath;
        Length = length;
        LastWriteTimeUtc = lastWriteTimeUtc;
        BlobUrl = blobUrl;
        Name = name;
    }

    public string LocalPath { get; }

    public long Length { get; }

    public DateTime LastWriteTimeUtc { get; }

    public Uri BlobUrl { get; }

    public string Name { get; }

    /// <summary>
    /// Fails when the file is no longer the one planned (its length or last write time differ): what was hashed, and
    /// what a version is named after, would not be what the blob holds. Reads the file's metadata only, never the file.
    /// </summary>
    /// <exception cref="RequestFailedException">The file changed, or is gone (status 0, <c>LocalFileChanged</c>).</exception>
    public void AssertUnchanged()
    {
        var info = new FileInfo(LocalPath);
        if (!info.Exists || info.Length != Length || info.LastWriteTimeUtc != LastWriteTimeUtc)
        {
            throw Changed(Name);
        }
    }

    /// <summary>The failure of an upload whose file <paramref name="name"/> changed while it was read (status 0, <c>LocalFileChanged</c>).</summary>
    public static RequestFailedException Changed(string name) =>
        ServiceFailure.Create(0, $"The file '{name}' changed while it was being uploaded; upload it again once nothing writes to it.", "LocalFileChanged");
}
