using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>A multipart file upload as the upload middleware read it: the form fields, the size and the first bytes.</summary>
internal sealed class UploadedFile
{
    public UploadedFile(string contentType, string? fileName, string? purpose, long length, byte[] content, bool truncated, string? error, IReadOnlyDictionary<string, string>? fields = null)
    {
        Fields = fields ?? new Dictionary<string, string>();
        ContentType = contentType;
        FileName = fileName;
        Purpose = purpose;
        Length = length;
        Content = content;
        Truncated = truncated;
        Error = error;
    }

    /// <summary>The request's original <c>Content-Type</c> (with its boundary).</summary>
    public string ContentType { get; }

    /// <summary>The file part's file name; null when there was no file part.</summary>
    public string? FileName { get; }

    /// <summary>The <c>purpose</c> field; null when there was none.</summary>
    public string? Purpose { get; }

    /// <summary>The other form fields (such as <c>expires_after[seconds]</c>), by name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The size of the file part in bytes.</summary>
    public long Length { get; }

    /// <summary>The first <see cref="FoundryTrainingEmulatorOptions.MaxStoredFileBytes"/> bytes of the file.</summary>
    public byte[] Content { get; }

    /// <summary>Whether <see cref="Content"/> is only the beginning of the file.</summary>
    public bool Truncated { get; }

    /// <summary>Why the body could not be read as a multipart form; null when it could.</summary>
    public string? Error { get; }

    /// <summary>How the request log shows the body instead of the file's bytes.</summary>
    public string Summary =>
        Error is not null
            ? "<multipart upload that could not be read: " + Error + ">"
            : "<multipart upload: filename=" + (FileName ?? "(none)") + ", purpose=" + (Purpose ?? "(none)") + ", " + Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes>";
}
