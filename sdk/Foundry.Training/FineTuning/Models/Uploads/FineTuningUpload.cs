using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// An upload of the Uploads API (OpenAI platform): a file sent in parts of at most 64 MB, up to 8 GB in all, that
/// becomes a normal <see cref="FineTuningFile"/> when it is completed (<see cref="File"/>). It expires an hour after it
/// was created.
/// </summary>
public class FineTuningUpload : ExtensibleModel<FineTuningUpload>
{
    /// <summary>The object type, <c>upload</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The upload id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the upload was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the upload expires unless it is completed. (<c>expires_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("expires_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>The name of the file being uploaded. (<c>filename</c>)</summary>
    [JsonPropertyName("filename")]
    [JsonInclude]
    public string? FileName { get; internal set; }

    /// <summary>The number of bytes the upload was created for; the completed parts must add up to it. (<c>bytes</c>)</summary>
    [JsonPropertyName("bytes")]
    [JsonInclude]
    public long? Bytes { get; internal set; }

    /// <summary>The purpose of the file. (<c>purpose</c>)</summary>
    [JsonPropertyName("purpose")]
    [JsonInclude]
    public FilePurpose? Purpose { get; internal set; }

    /// <summary>The state: <c>pending</c>, <c>completed</c>, <c>cancelled</c> or <c>expired</c>. (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public FineTuningUploadStatus? Status { get; internal set; }

    /// <summary>The file the upload became, once it is completed; null before. (<c>file</c>)</summary>
    [JsonPropertyName("file")]
    [JsonInclude]
    public FineTuningFile? File { get; internal set; }
}
