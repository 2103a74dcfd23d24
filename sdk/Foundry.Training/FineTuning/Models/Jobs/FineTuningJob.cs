using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A fine-tuning job, as Azure OpenAI and the OpenAI platform report it (the union of both services' fields; a field
/// one service does not send stays null).
/// </summary>
public class FineTuningJob : ExtensibleModel<FineTuningJob>
{
    /// <summary>The object type, <c>fine_tuning.job</c>. (<c>object</c>)</summary>
    [JsonPropertyName("object")]
    [JsonInclude]
    public TypeDiscriminator? Object { get; internal set; }

    /// <summary>The job id. (<c>id</c>)</summary>
    /// <remarks>Empty when the service sent none; the absence is kept when the model is written back.</remarks>
    [JsonIgnore]
    public string Id { get => WireId ?? string.Empty; internal set => WireId = value; }

    /// <summary>The <c>id</c> exactly as sent: null when absent, so that writing the model back stays lossless.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    internal string? WireId { get; set; }

    /// <summary>When the job was created. (<c>created_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("created_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The state of the job. (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public FineTuningState? Status { get; internal set; }

    /// <summary>The base model being fine-tuned. (<c>model</c>)</summary>
    [JsonPropertyName("model")]
    [JsonInclude]
    public string? Model { get; internal set; }

    /// <summary>The resulting model, once the job succeeded; deploy it for inference. (<c>fine_tuned_model</c>)</summary>
    [JsonPropertyName("fine_tuned_model")]
    [JsonInclude]
    public string? FineTunedModel { get; internal set; }

    /// <summary>The id of the training file. (<c>training_file</c>)</summary>
    [JsonPropertyName("training_file")]
    [JsonInclude]
    public string? TrainingFile { get; internal set; }

    /// <summary>The id of the validation file, if any. (<c>validation_file</c>)</summary>
    [JsonPropertyName("validation_file")]
    [JsonInclude]
    public string? ValidationFile { get; internal set; }

    /// <summary>The ids of the result files (training and evaluation metrics, CSV). (<c>result_files</c>)</summary>
    [JsonPropertyName("result_files")]
    [JsonInclude]
    public IReadOnlyList<string>? ResultFiles { get; internal set; }

    /// <summary>When the job finished; null while it runs. (<c>finished_at</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("finished_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? FinishedAt { get; internal set; }

    /// <summary>When the job is estimated to finish; null when it is not running (OpenAI platform). (<c>estimated_finish</c>)</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("estimated_finish")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? EstimatedFinish { get; internal set; }

    /// <summary>The organization that owns the job (OpenAI platform). (<c>organization_id</c>)</summary>
    [JsonPropertyName("organization_id")]
    [JsonInclude]
    public string? OrganizationId { get; internal set; }

    /// <summary>
    /// The organisation id as Azure OpenAI spells it; unused on Azure OpenAI, kept for compatibility. (<c>organisation_id</c>)
    /// </summary>
    [JsonPropertyName("organisation_id")]
    [JsonInclude]
    public string? OrganisationId { get; internal set; }

    /// <summary>Billable tokens processed; null while the job runs. (<c>trained_tokens</c>)</summary>
    [JsonPropertyName("trained_tokens")]
    [JsonInclude]
    public long? TrainedTokens { get; internal set; }

    /// <summary>The hyperparameters used (on the OpenAI platform only for supervised jobs). (<c>hyperparameters</c>)</summary>
    [JsonPropertyName("hyperparameters")]
    [JsonInclude]
    public FineTuningHyperparameters? Hyperparameters { get; internal set; }

    /// <summary>The suffix added to the fine-tuned model's name. (<c>suffix</c>)</summary>
    [JsonPropertyName("suffix")]
    [JsonInclude]
    public string? Suffix { get; internal set; }

    /// <summary>The seed used for the job. (<c>seed</c>)</summary>
    [JsonPropertyName("seed")]
    [JsonInclude]
    public int? Seed { get; internal set; }

    /// <summary>Why the job failed, when its status is <c>failed</c> (OpenAI platform). (<c>error</c>)</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public FineTuningError? Error { get; internal set; }

    /// <summary>The fine-tuning method (OpenAI platform). (<c>method</c>)</summary>
    [JsonPropertyName("method")]
    [JsonInclude]
    public FineTuningMethod? Method { get; internal set; }

    /// <summary>The integrations enabled for the job (OpenAI platform). (<c>integrations</c>)</summary>
    [JsonPropertyName("integrations")]
    [JsonInclude]
    public IReadOnlyList<FineTuningIntegration>? Integrations { get; internal set; }

    /// <summary>Key-value pairs attached to the job (OpenAI platform). (<c>metadata</c>)</summary>
    [JsonPropertyName("metadata")]
    [JsonInclude]
    public IReadOnlyDictionary<string, string>? Metadata { get; internal set; }
}
