using System;
using System.IO;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// One answer to a ranged read (<see cref="RangeReader"/>), checked: where its bytes start, how many it holds, the
/// length and version of the whole file, and its body as a stream. Dispose it to release the connection.
/// </summary>
internal sealed class RangeResponse : IDisposable
{
    private readonly HttpMessage _message;

    public RangeResponse(HttpMessage message, bool ranged, long start, long length, long totalLength, string? etag, byte[]? contentMd5)
    {
        _message = message;
        Raw = message.Response;
        Ranged = ranged;
        Start = start;
        Length = length;
        TotalLength = totalLength;
        ETag = etag;
        ContentMd5 = contentMd5;
    }

    public Response Raw { get; }

    /// <summary>Whether the server honoured the range (206); false when it sent the whole file (200), or nothing (416).</summary>
    public bool Ranged { get; }

    /// <summary>Where the body's bytes start in the file.</summary>
    public long Start { get; }

    /// <summary>The bytes in the body; -1 when a whole-file answer does not say (no <c>Content-Length</c>).</summary>
    public long Length { get; }

    /// <summary>The length of the whole file; -1 when unknown.</summary>
    public long TotalLength { get; }

    /// <summary>The file's version (<c>ETag</c>), if the server sent one.</summary>
    public string? ETag { get; }

    /// <summary>The MD5 of the whole file (<c>x-ms-blob-content-md5</c>, or <c>Content-MD5</c> of a whole-file answer), if sent.</summary>
    public byte[]? ContentMd5 { get; }

    /// <summary>Whether the range started at or past the end of the file (416): nothing new yet, for a file that grows.</summary>
    public bool PastEnd => !Ranged && Length == 0 && Raw.Status == 416;

    /// <summary>The body, read as it arrives.</summary>
    public Stream Content => Raw.ContentStream ?? Stream.Null;

    /// <summary>Releases the response and its connection.</summary>
    public void Dispose() => _message.Dispose();
}
