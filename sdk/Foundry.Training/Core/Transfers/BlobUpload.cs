using System;

namespace Foundry.Training;

/// <summary>One local file to write to one block blob.</summary>
internal sealed class BlobUpload
{
    /// <param name="localPath">The file to read.</param>
    /// <param name="length">Its length when it was planned; a file that changes meanwhile fails the upload.</param>
    /// <param name="blobUrl">The blob's URL with its SAS query: a secret, never put in a message.</param>
    /// <param name="name">The blob's name below the upload's root, for messages.</param>
    public BlobUpload(string localPath, long length, Uri blobUrl, string name)
    {
        LocalPath = localPath;
        Length = length;
        BlobUrl = blobUrl;
        Name = name;
    }

    public string LocalPath { get; }

    public long Length { get; }

    public Uri BlobUrl { get; }

    public string Name { get; }
}
