using System;

namespace Foundry.Training.Testing;

/// <summary>A blob of the emulated storage as one read sees it: content, type, entity tag and last change.</summary>
internal sealed class StoredBlob
{
    public StoredBlob(ResponseBody content, string contentType, string etag, DateTimeOffset lastModified)
    {
        Content = content;
        ContentType = contentType;
        ETag = etag;
        LastModified = lastModified;
    }

    public ResponseBody Content { get; }

    public string ContentType { get; }

    /// <summary>The quoted entity tag; it changes whenever the content does.</summary>
    public string ETag { get; }

    public DateTimeOffset LastModified { get; }
}
