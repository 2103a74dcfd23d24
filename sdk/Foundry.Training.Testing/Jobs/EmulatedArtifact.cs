using System;

namespace Foundry.Training.Testing;

/// <summary>A file an emulated attempt produced; its content is produced when read (logs grow while the job runs).</summary>
internal sealed class EmulatedArtifact
{
    private readonly Func<byte[]> _content;

    public EmulatedArtifact(string path, string contentType, DateTimeOffset createdAt, Func<byte[]> content)
    {
        Path = path;
        ContentType = contentType;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        _content = content;
    }

    public string Path { get; }

    public string ContentType { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    public byte[] ReadContent() => _content();
}
