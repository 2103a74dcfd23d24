using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for mocking clients in tests.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Creates a <see cref="FineTuningJob"/>.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="status">The state.</param>
    /// <param name="model">The base model.</param>
    /// <param name="trainingFile">The training file id.</param>
    /// <param name="validationFile">The validation file id.</param>
    /// <param name="fineTunedModel">The resulting model.</param>
    /// <param name="createdAt">When the job was created.</param>
    /// <param name="finishedAt">When the job finished.</param>
    /// <param name="estimatedFinish">When the job is estimated to finish.</param>
    /// <param name="resultFiles">The result file ids.</param>
    /// <param name="trainedTokens">The billable tokens.</param>
    /// <param name="hyperparameters">The hyperparameters.</param>
    /// <param name="suffix">The model name suffix.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="error">Why the job failed.</param>
    /// <param name="method">The fine-tuning method.</param>
    /// <param name="integrations">The integrations.</param>
    /// <param name="metadata">The metadata.</param>
    /// <param name="organizationId">The owning organization (OpenAI spelling).</param>
    /// <param name="organisationId">The organisation id (Azure OpenAI spelling).</param>
    /// <param name="object">The object type; <c>fine_tuning.job</c> when null.</param>
    /// <returns>The job.</returns>
    public static FineTuningJob FineTuningJob(
        string? id = null,
        FineTuningState? status = null,
        string? model = null,
        string? trainingFile = null,
        string? validationFile = null,
        string? fineTunedModel = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? finishedAt = null,
        DateTimeOffset? estimatedFinish = null,
        IEnumerable<string>? resultFiles = null,
        long? trainedTokens = null,
        FineTuningHyperparameters? hyperparameters = null,
        string? suffix = null,
        int? seed = null,
        FineTuningError? error = null,
        FineTuningMethod? method = null,
        IEnumerable<FineTuningIntegration>? integrations = null,
        IDictionary<string, string>? metadata = null,
        string? organizationId = null,
        string? organisationId = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? TypeDiscriminator.FineTuningJob,
            Id = id ?? string.Empty,
            Status = status,
            Model = model,
            TrainingFile = trainingFile,
            ValidationFile = validationFile,
            FineTunedModel = fineTunedModel,
            CreatedAt = createdAt,
            FinishedAt = finishedAt,
            EstimatedFinish = estimatedFinish,
            ResultFiles = resultFiles?.ToList(),
            TrainedTokens = trainedTokens,
            Hyperparameters = hyperparameters,
            Suffix = suffix,
            Seed = seed,
            Error = error,
            Method = method,
            Integrations = integrations?.ToList(),
            Metadata = metadata is null ? null : new Dictionary<string, string>(metadata, StringComparer.Ordinal),
            OrganizationId = organizationId,
            OrganisationId = organisationId,
        };

    /// <summary>Creates a <see cref="FineTuningJobEvent"/>.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="createdAt">When the event was created.</param>
    /// <param name="level">The severity.</param>
    /// <param name="message">The message.</param>
    /// <param name="type">Message or metrics.</param>
    /// <param name="data">The machine-readable data.</param>
    /// <param name="object">The object type; <c>fine_tuning.job.event</c> when null.</param>
    /// <returns>The event.</returns>
    public static FineTuningJobEvent FineTuningJobEvent(
        string? id = null,
        DateTimeOffset? createdAt = null,
        LogLevel? level = null,
        string? message = null,
        FineTuningJobEventType? type = null,
        JsonNode? data = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? TypeDiscriminator.FineTuningJobEvent,
            Id = id ?? string.Empty,
            CreatedAt = createdAt,
            Level = level,
            Message = message,
            Type = type,
            Data = data,
        };

    /// <summary>Creates a <see cref="FineTuningJobCheckpoint"/>.</summary>
    /// <param name="id">The checkpoint id.</param>
    /// <param name="createdAt">When the checkpoint was created.</param>
    /// <param name="fineTunedModelCheckpoint">The checkpoint model name.</param>
    /// <param name="stepNumber">The training step.</param>
    /// <param name="metrics">The metrics by name.</param>
    /// <param name="fineTuningJobId">The job id.</param>
    /// <param name="object">The object type; <c>fine_tuning.job.checkpoint</c> when null.</param>
    /// <returns>The checkpoint.</returns>
    public static FineTuningJobCheckpoint FineTuningJobCheckpoint(
        string? id = null,
        DateTimeOffset? createdAt = null,
        string? fineTunedModelCheckpoint = null,
        int? stepNumber = null,
        IDictionary<string, double?>? metrics = null,
        string? fineTuningJobId = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? TypeDiscriminator.FineTuningJobCheckpoint,
            Id = id ?? string.Empty,
            CreatedAt = createdAt,
            FineTunedModelCheckpoint = fineTunedModelCheckpoint,
            StepNumber = stepNumber,
            Metrics = metrics is null ? null : new Dictionary<string, double?>(metrics, StringComparer.Ordinal),
            FineTuningJobId = fineTuningJobId,
        };

    /// <summary>Creates a <see cref="FineTuningFile"/>.</summary>
    /// <param name="id">The file id.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="status">The processing state.</param>
    /// <param name="bytes">The size in bytes.</param>
    /// <param name="createdAt">When the file was created.</param>
    /// <param name="statusDetails">Why processing failed.</param>
    /// <param name="expiresAt">When the file expires.</param>
    /// <param name="object">The object type; <c>file</c> when null.</param>
    /// <returns>The file.</returns>
    public static FineTuningFile FineTuningFile(
        string? id = null,
        string? fileName = null,
        FilePurpose? purpose = null,
        FileState? status = null,
        long? bytes = null,
        DateTimeOffset? createdAt = null,
        string? statusDetails = null,
        DateTimeOffset? expiresAt = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? TypeDiscriminator.File,
            Id = id ?? string.Empty,
            FileName = fileName,
            Purpose = purpose,
            Status = status,
            Bytes = bytes,
            CreatedAt = createdAt,
            StatusDetails = statusDetails,
            ExpiresAt = expiresAt,
        };

    /// <summary>Creates a <see cref="FineTuningModel"/>.</summary>
    /// <param name="id">The model id.</param>
    /// <param name="status">The state.</param>
    /// <param name="model">The base model of a fine-tuned model.</param>
    /// <param name="fineTune">The job that created a fine-tuned model.</param>
    /// <param name="capabilities">What the model can do.</param>
    /// <param name="lifecycleStatus">Preview or generally available.</param>
    /// <param name="deprecation">When support ends.</param>
    /// <param name="createdAt">When the model was created (Azure OpenAI).</param>
    /// <param name="created">When the model was created (OpenAI platform).</param>
    /// <param name="ownedBy">The owning organization.</param>
    /// <param name="shutdownDate">The announced shutdown date.</param>
    /// <param name="object">The object type; <c>model</c> when null.</param>
    /// <returns>The model.</returns>
    public static FineTuningModel FineTuningModel(
        string? id = null,
        FineTuningState? status = null,
        string? model = null,
        string? fineTune = null,
        ModelCapabilities? capabilities = null,
        LifeCycleStatus? lifecycleStatus = null,
        ModelDeprecation? deprecation = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? created = null,
        string? ownedBy = null,
        DateTimeOffset? shutdownDate = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? TypeDiscriminator.Model,
            Id = id ?? string.Empty,
            Status = status,
            Model = model,
            FineTune = fineTune,
            Capabilities = capabilities,
            LifecycleStatus = lifecycleStatus,
            Deprecation = deprecation,
            CreatedAt = createdAt,
            Created = created,
            OwnedBy = ownedBy,
            ShutdownDate = shutdownDate,
        };

    /// <summary>Creates <see cref="FineTuning.ModelCapabilities"/>.</summary>
    /// <param name="fineTune">Whether the model can be fine-tuned.</param>
    /// <param name="inference">Whether the model can be deployed.</param>
    /// <param name="completion">Whether the model supports completions.</param>
    /// <param name="chatCompletion">Whether the model supports chat completions.</param>
    /// <param name="embeddings">Whether the model supports embeddings.</param>
    /// <returns>The capabilities.</returns>
    public static ModelCapabilities ModelCapabilities(bool? fineTune = null, bool? inference = null, bool? completion = null, bool? chatCompletion = null, bool? embeddings = null) =>
        new() { FineTune = fineTune, Inference = inference, Completion = completion, ChatCompletion = chatCompletion, Embeddings = embeddings };

    /// <summary>Creates a <see cref="FineTuning.ModelDeprecation"/>.</summary>
    /// <param name="fineTune">The end of fine-tuning support.</param>
    /// <param name="inference">The end of inference support.</param>
    /// <returns>The deprecation dates.</returns>
    public static ModelDeprecation ModelDeprecation(DateTimeOffset? fineTune = null, DateTimeOffset? inference = null) =>
        new() { FineTune = fineTune, Inference = inference };

    /// <summary>Creates a <see cref="FineTuningError"/>.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <param name="param">The invalid parameter.</param>
    /// <param name="type">The OpenAI error type.</param>
    /// <param name="target">Where the error happened.</param>
    /// <param name="details">More detailed errors.</param>
    /// <param name="innerError">A more specific error.</param>
    /// <returns>The error.</returns>
    public static FineTuningError FineTuningError(
        FineTuningErrorCode? code = null,
        string? message = null,
        string? param = null,
        string? type = null,
        string? target = null,
        IEnumerable<FineTuningError>? details = null,
        FineTuningInnerError? innerError = null) =>
        new() { Code = code, Message = message, Param = param, Type = type, Target = target, Details = details?.ToList(), InnerError = innerError };

    /// <summary>Creates a <see cref="FineTuningInnerError"/>.</summary>
    /// <param name="code">The inner error code.</param>
    /// <param name="innerError">A yet more specific error.</param>
    /// <returns>The inner error.</returns>
    public static FineTuningInnerError FineTuningInnerError(string? code = null, FineTuningInnerError? innerError = null) =>
        new() { Code = code, InnerError = innerError };

    /// <summary>Creates a <see cref="FineTuningErrorResponse"/>.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The error response.</returns>
    public static FineTuningErrorResponse FineTuningErrorResponse(FineTuningError? error = null) => new() { Error = error };
}
