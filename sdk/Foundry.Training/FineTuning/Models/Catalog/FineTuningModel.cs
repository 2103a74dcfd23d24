using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A model: a base model or the result of a successful fine-tuning job, with what it can do (Azure OpenAI) and when
/// it is retired.
/// </summary>
public class FineTuningModel : ExtensibleModel<FineTuningModel>
{
    /// <summary>The object type, <c>model</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The model id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the model was created (Azure OpenAI). (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the model was created (OpenAI platform). (<c>created</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? Created { get; internal set; }

    /// <summary>The organization that owns the model (OpenAI platform). (<c>owned_by</c>)</summary>
    [JsonPropertyName("owned_by")]
    [JsonInclude]
    public string? OwnedBy { get; internal set; }

    /// <summary>The state of the model (Azure OpenAI). (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public FineTuningState? Status { get; internal set; }

    /// <summary>The base model, when this is a fine-tuned model; otherwise null. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    [JsonInclude]
    public string? Model { get; internal set; }

    /// <summary>The fine-tuning job that created this model; otherwise null. (<c>fine_tune</c>)</summary>
    [JsonPropertyName("fine_tune")]
    [JsonInclude]
    public string? FineTune { get; internal set; }

    /// <summary>What the model can be used for (Azure OpenAI). (<c>capabilities</c>)</summary>
    [JsonPropertyName("capabilities")]
    [JsonInclude]
    public ModelCapabilities? Capabilities { get; internal set; }

    /// <summary>Preview or generally available (Azure OpenAI). (<c>lifecycle_status</c>)</summary>
    [JsonPropertyName("lifecycle_status")]
    [JsonInclude]
    public LifeCycleStatus? LifecycleStatus { get; internal set; }

    /// <summary>When fine-tuning and inference support end (Azure OpenAI). (<c>deprecation</c>)</summary>
    [JsonPropertyName("deprecation")]
    [JsonInclude]
    public ModelDeprecation? Deprecation { get; internal set; }

    /// <summary>The date the model shuts down, when announced (OpenAI platform). (<c>shutdown_date</c>)</summary>
    /// <remarks>A value that is not a <c>yyyy-MM-dd</c> date reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("shutdown_date")]
    [JsonInclude]
    [JsonConverter(typeof(DateOnlyConverter))]
    public DateTimeOffset? ShutdownDate { get; internal set; }
}
