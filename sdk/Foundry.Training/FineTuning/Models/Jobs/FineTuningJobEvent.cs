using System;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>An event of a fine-tuning job: a state change, a message or metrics.</summary>
public class FineTuningJobEvent : ExtensibleModel<FineTuningJobEvent>
{
    /// <summary>The object type, <c>fine_tuning.job.event</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The event id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the event was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The severity. (<c>level</c>)</summary>
    [JsonPropertyName("level")]
    [JsonInclude]
    public LogLevel? Level { get; internal set; }

    /// <summary>What happened, for example "Job started." (<c>message</c>)</summary>
    [JsonPropertyName("message")]
    [JsonInclude]
    public string? Message { get; internal set; }

    /// <summary>Whether the event is a message or carries metrics. (<c>type</c>)</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public FineTuningJobEventType? Type { get; internal set; }

    /// <summary>Machine-readable data of the event (for metrics events, the metrics), as sent. (<c>data</c>)</summary>
    [JsonPropertyName("data")]
    [JsonInclude]
    public JsonNode? Data { get; internal set; }
}
