using System;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>
/// A file an emulated attempt produced. Its content is produced when first read and kept (as a body that produces its
/// bytes on demand), except for a file that grows while its attempt runs (the log), which is asked for on every read
/// (the attempt keeps one snapshot until the next line).
/// </summary>
internal sealed class EmulatedArtifact
{
    private readonly Func<ResponseBody> _content;
    private readonly bool _grows;
    private ResponseBody? _fixed;

    public EmulatedArtifact(string path, string contentType, DateTimeOffset createdAt, Func<ResponseBody> content, bool grows = false)
    {
        Path = path;
        ContentType = contentType;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        _content = content;
        _grows = grows;
    }

    public string Path { get; }

    public string ContentType { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The content as it is now; call under the owning service's lock.</summary>
    public ResponseBody Content => _grows ? _content() : _fixed ??= _content();

    /// <summary>The file as storage serves it now: content, type, an <c>ETag</c> that changes with it, and when it last changed.</summary>
    public StoredBlob Read()
    {
        ResponseBody content = Content;
        // The content changes only when the file is updated, and then its length grows: both go into the tag.
        string etag = "\"0x" + UpdatedAt.UtcTicks.ToString("X", CultureInfo.InvariantCulture) + content.Length.ToString("X", CultureInfo.InvariantCulture) + "\"";
        return new StoredBlob(content, ContentType, etag, UpdatedAt);
    }
}
