using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What <see cref="FineTuningFilesClient.CreateUploadAsync"/> creates an upload for (<c>POST /uploads</c>).</summary>
public class FineTuningUploadCreateOptions : ExtensibleModel<FineTuningUploadCreateOptions>
{
    /// <summary>For serialization and the model reader.</summary>
    public FineTuningUploadCreateOptions()
    {
    }

    /// <summary>Describes the file to upload.</summary>
    /// <param name="fileName">The file name the service records, for example <c>train.jsonl</c>.</param>
    /// <param name="purpose">The purpose, <see cref="FilePurpose.FineTune"/> for training and validation data.</param>
    /// <param name="bytes">The size of the whole file in bytes; the parts must add up to it.</param>
    /// <param name="mimeType">The MIME type, for example <c>text/jsonl</c>.</param>
    public FineTuningUploadCreateOptions(string fileName, FilePurpose purpose, long bytes, string mimeType)
    {
        FileName = fileName;
        Purpose = purpose;
        Bytes = bytes;
        MimeType = mimeType;
    }

    /// <summary>The file name the service records. Required. (<c>filename</c>)</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; set; }

    /// <summary>The purpose of the file. Required. (<c>purpose</c>)</summary>
    [JsonPropertyName("purpose")]
    public FilePurpose? Purpose { get; set; }

    /// <summary>The size of the whole file in bytes (at most 8 GB). Required. (<c>bytes</c>)</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; set; }

    /// <summary>The MIME type, which must suit the purpose (<c>text/jsonl</c> for fine-tuning data). Required. (<c>mime_type</c>)</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; set; }

    /// <summary>When the file the upload becomes expires; by default it is kept until deleted. (<c>expires_after</c>)</summary>
    [JsonPropertyName("expires_after")]
    public FineTuningFileExpiration? ExpiresAfter { get; set; }
}
