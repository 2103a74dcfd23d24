using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A file: training or validation data the user uploaded or imported, or a result file the service wrote.
/// </summary>
public class FineTuningFile : ExtensibleModel<FineTuningFile>
{
    /// <summary>The object type, <c>file</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The file id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the file was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the file expires, if it does (OpenAI platform). (<c>expires_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("expires_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>The processing state (deprecated on the OpenAI platform). (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public FileState? Status { get; internal set; }

    /// <summary>Why processing failed, when <see cref="Status"/> is <c>error</c>. (<c>status_details</c>)</summary>
    [JsonPropertyName("status_details")]
    [JsonInclude]
    public string? StatusDetails { get; internal set; }

    /// <summary>The size in bytes, when known. (<c>bytes</c>)</summary>
    [JsonPropertyName("bytes")]
    [JsonInclude]
    public long? Bytes { get; internal set; }

    /// <summary>The purpose of the file. (<c>purpose</c>)</summary>
    [JsonPropertyName("purpose")]
    [JsonInclude]
    public FilePurpose? Purpose { get; internal set; }

    /// <summary>The file name. (<c>filename</c>)</summary>
    [JsonPropertyName("filename")]
    [JsonInclude]
    public string? FileName { get; internal set; }
}
