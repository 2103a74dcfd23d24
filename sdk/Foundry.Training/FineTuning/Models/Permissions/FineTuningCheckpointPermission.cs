using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A permission that shares a fine-tuned model checkpoint with a project of the organization
/// (<c>checkpoint.permission</c>, OpenAI platform; managed with an admin API key).
/// </summary>
public class FineTuningCheckpointPermission : ExtensibleModel<FineTuningCheckpointPermission>
{
    /// <summary>The object type, <c>checkpoint.permission</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The permission id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the permission was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The project the checkpoint is shared with. (<c>project_id</c>)</summary>
    [JsonPropertyName("project_id")]
    [JsonInclude]
    public string? ProjectId { get; internal set; }
}
