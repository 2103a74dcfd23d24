using System;

namespace Foundry.Training.FineTuning;

/// <summary>
/// How <see cref="FineTuningFilesClient.UploadAsync(System.IO.Stream, string, FilePurpose, FineTuningFileUploadOptions, System.Threading.CancellationToken)"/>
/// sends a file: in one request, or through the Uploads API in parts sent in parallel (OpenAI platform), with progress
/// and an expiry.
/// </summary>
public class FineTuningFileUploadOptions
{
    /// <summary>The largest part the Uploads API takes: 64 MB.</summary>
    public const int MaxPartSize = 64 * 1024 * 1024;

    /// <summary>The largest file a single <c>POST /files</c> takes on the OpenAI platform: 512 MB.</summary>
    public const long SingleRequestLimit = 512L * 1024 * 1024;

    private int _partSize = MaxPartSize;
    private int _maxConcurrency = 4;

    /// <summary>
    /// One request or parts. <see cref="FileUploadMode.Automatic"/> (the default) uses the Uploads API on the OpenAI
    /// platform when the size is known and above <see cref="SingleRequestLimit"/>, and one request otherwise.
    /// </summary>
    public FileUploadMode Mode { get; set; }

    /// <summary>Receives the number of content bytes sent so far over all parts, up to the file's size; may be called on any thread.</summary>
    public IProgress<long>? Progress { get; set; }

    /// <summary>When the uploaded file expires (OpenAI platform, <c>expires_after</c>); kept until deleted when null.</summary>
    public FineTuningFileExpiration? ExpiresAfter { get; set; }

    /// <summary>
    /// The size of each part of a multi-part upload, 1 byte to <see cref="MaxPartSize"/> (the default). Parts are
    /// streamed, never buffered: memory does not grow with the part size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and <see cref="MaxPartSize"/>.</exception>
    public int PartSize
    {
        get => _partSize;
        set => _partSize = value is > 0 and <= MaxPartSize ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"A part holds 1 to {MaxPartSize} bytes.");
    }

    /// <summary>How many parts are sent at the same time, 1 to 16; 4 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and 16.</exception>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value is > 0 and <= 16 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "From 1 to 16 parts can be sent at the same time.");
    }

    /// <summary>
    /// The MIME type a multi-part upload declares (<c>mime_type</c>); when null, <c>text/jsonl</c> for a <c>.jsonl</c>
    /// file name and <c>application/octet-stream</c> otherwise.
    /// </summary>
    public string? MimeType { get; set; }

    /// <summary>
    /// Whether a multi-part upload sends the MD5 of the content on completion, so that the service checks what it
    /// assembled (default true). The content is read once more to compute it, alongside the parts.
    /// </summary>
    public bool SendMd5 { get; set; } = true;
}
