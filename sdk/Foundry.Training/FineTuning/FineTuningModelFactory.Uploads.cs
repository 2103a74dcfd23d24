using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Foundry.Training.FineTuning;

/// <summary>Builds the read-only fine-tuning models, for tests and mocks.</summary>
public static partial class FineTuningModelFactory
{
    /// <summary>Creates a <see cref="FineTuning.FineTuningUpload"/>.</summary>
    /// <param name="id">The upload id.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="bytes">The size the upload was created for.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="status">The state.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="file">The file it became, once completed.</param>
    /// <param name="object">The object type; <c>upload</c> when null.</param>
    /// <returns>The upload.</returns>
    public static FineTuningUpload FineTuningUpload(
        string? id = null,
        string? fileName = null,
        long? bytes = null,
        FilePurpose? purpose = null,
        FineTuningUploadStatus? status = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiresAt = null,
        FineTuningFile? file = null,
        TypeDiscriminator? @object = null) =>
        new()
        {
            Object = @object ?? "upload",
            Id = id ?? string.Empty,
            FileName = fileName,
            Bytes = bytes,
            Purpose = purpose,
            Status = status,
            CreatedAt = createdAt,
            ExpiresAt = expiresAt,
            File = file,
        };

    /// <summary>Creates a <see cref="FineTuning.FineTuningUploadPart"/>.</summary>
    /// <param name="id">The part id.</param>
    /// <param name="uploadId">The upload it belongs to.</param>
    /// <param name="createdAt">When it was added.</param>
    /// <param name="object">The object type; <c>upload.part</c> when null.</param>
    /// <returns>The part.</returns>
    public static FineTuningUploadPart FineTuningUploadPart(string? id = null, string? uploadId = null, DateTimeOffset? createdAt = null, TypeDiscriminator? @object = null) =>
        new() { Object = @object ?? "upload.part", Id = id ?? string.Empty, UploadId = uploadId, CreatedAt = createdAt };

    /// <summary>Creates a <see cref="FineTuning.FineTuningCheckpointPermission"/>.</summary>
    /// <param name="id">The permission id.</param>
    /// <param name="projectId">The project the checkpoint is shared with.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="object">The object type; <c>checkpoint.permission</c> when null.</param>
    /// <returns>The permission.</returns>
    public static FineTuningCheckpointPermission FineTuningCheckpointPermission(string? id = null, string? projectId = null, DateTimeOffset? createdAt = null, TypeDiscriminator? @object = null) =>
        new() { Object = @object ?? "checkpoint.permission", Id = id ?? string.Empty, ProjectId = projectId, CreatedAt = createdAt };

    /// <summary>Creates a <see cref="FineTuning.FineTuningDeletionResult"/>.</summary>
    /// <param name="id">The id of what was deleted.</param>
    /// <param name="deleted">Whether it was deleted.</param>
    /// <param name="object">The object type, such as <c>file</c>.</param>
    /// <returns>The result.</returns>
    public static FineTuningDeletionResult FineTuningDeletionResult(string? id = null, bool? deleted = null, TypeDiscriminator? @object = null) =>
        new() { Id = id, Deleted = deleted, Object = @object };

    /// <summary>Creates a <see cref="FineTuning.FineTuningGraderRunResult"/>.</summary>
    /// <param name="reward">The reward.</param>
    /// <param name="metadata">How the run went.</param>
    /// <param name="subRewards">The rewards of a multi grader's graders.</param>
    /// <param name="modelGraderTokenUsagePerModel">Tokens per model.</param>
    /// <returns>The result.</returns>
    public static FineTuningGraderRunResult FineTuningGraderRunResult(
        double? reward = null,
        FineTuningGraderRunMetadata? metadata = null,
        IReadOnlyDictionary<string, JsonNode?>? subRewards = null,
        IReadOnlyDictionary<string, JsonNode?>? modelGraderTokenUsagePerModel = null) =>
        new() { Reward = reward, Metadata = metadata, SubRewards = subRewards, ModelGraderTokenUsagePerModel = modelGraderTokenUsagePerModel };

    /// <summary>Creates a <see cref="FineTuning.FineTuningGraderRunMetadata"/>.</summary>
    /// <param name="name">The grader's name.</param>
    /// <param name="type">The grader's type.</param>
    /// <param name="errors">What went wrong.</param>
    /// <param name="executionTime">Seconds the grader ran.</param>
    /// <param name="scores">The scores by name.</param>
    /// <param name="tokenUsage">Tokens a model grader used.</param>
    /// <param name="sampledModelName">The model a model grader sampled.</param>
    /// <returns>The metadata.</returns>
    public static FineTuningGraderRunMetadata FineTuningGraderRunMetadata(
        string? name = null,
        string? type = null,
        FineTuningGraderRunErrors? errors = null,
        double? executionTime = null,
        IReadOnlyDictionary<string, JsonNode?>? scores = null,
        long? tokenUsage = null,
        string? sampledModelName = null) =>
        new() { Name = name, Type = type, Errors = errors, ExecutionTime = executionTime, Scores = scores, TokenUsage = tokenUsage, SampledModelName = sampledModelName };

    /// <summary>Creates a <see cref="FineTuning.FineTuningGraderRunErrors"/> with every flag false, or the ones given.</summary>
    /// <param name="otherError">Another error.</param>
    /// <param name="sampleParseError">The sample could not be parsed.</param>
    /// <param name="modelGraderServerError">The model grader's server failed.</param>
    /// <returns>The errors.</returns>
    public static FineTuningGraderRunErrors FineTuningGraderRunErrors(bool otherError = false, bool sampleParseError = false, bool modelGraderServerError = false) =>
        new()
        {
            FormulaParseError = false,
            SampleParseError = sampleParseError,
            TruncatedObservationError = false,
            UnresponsiveRewardError = false,
            InvalidVariableError = false,
            OtherError = otherError,
            PythonGraderServerError = false,
            PythonGraderRuntimeError = false,
            ModelGraderServerError = modelGraderServerError,
            ModelGraderRefusalError = false,
            ModelGraderParseError = false,
        };
}
