using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A part added to an upload (<c>upload.part</c>); complete the upload with the ids of its parts, in order.</summary>
public class FineTuningUploadPart : ExtensibleModel<FineTuningUploadPart>
{
    /// <summary>The object type, <c>upload.part</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The part id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the part was added. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The upload the part belongs to. (<c>upload_id</c>)</summary>
    [JsonPropertyName("upload_id")]
    [JsonInclude]
    public string? UploadId { get; internal set; }
}
