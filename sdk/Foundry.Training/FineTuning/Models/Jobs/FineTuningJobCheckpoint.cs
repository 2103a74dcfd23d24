using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A model checkpoint of a fine-tuning job, created at the end of a training epoch and usable as a model.</summary>
public class FineTuningJobCheckpoint : ExtensibleModel<FineTuningJobCheckpoint>
{
    /// <summary>The object type, <c>fine_tuning.job.checkpoint</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The checkpoint id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the checkpoint was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The name of the checkpoint model. (<c>fine_tuned_model_checkpoint</c>)</summary>
    [JsonPropertyName("fine_tuned_model_checkpoint")]
    [JsonInclude]
    public string? FineTunedModelCheckpoint { get; internal set; }

    /// <summary>The training step the checkpoint was created at. (<c>step_number</c>)</summary>
    [JsonPropertyName("step_number")]
    [JsonInclude]
    public int? StepNumber { get; internal set; }

    /// <summary>
    /// Metrics at that step by name, such as <c>step</c>, <c>train_loss</c>, <c>train_mean_token_accuracy</c>,
    /// <c>valid_loss</c>, <c>full_valid_loss</c>. (<c>metrics</c>)
    /// </summary>
    [JsonPropertyName("metrics")]
    [JsonInclude]
    public IReadOnlyDictionary<string, double?>? Metrics { get; internal set; }

    /// <summary>The id of the job that created the checkpoint. (<c>fine_tuning_job_id</c>)</summary>
    [JsonPropertyName("fine_tuning_job_id")]
    [JsonInclude]
    public string? FineTuningJobId { get; internal set; }
}
