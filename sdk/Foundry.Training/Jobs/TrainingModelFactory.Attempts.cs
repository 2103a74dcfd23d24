using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.JobAttempt"/>.</summary>
    /// <param name="id">The attempt identifier.</param>
    /// <param name="jobName">The job name this attempt belongs to.</param>
    /// <param name="status">The attempt status.</param>
    /// <param name="statusReason">Additional status reason.</param>
    /// <param name="startedAt">Time the attempt started.</param>
    /// <param name="endedAt">Time the attempt ended.</param>
    /// <param name="lastStartedAt">Most recent time the attempt started running.</param>
    /// <param name="computeDuration">Total compute duration consumed by the attempt.</param>
    /// <param name="queueingInfo">Queueing details associated with the attempt.</param>
    /// <param name="computeDetails">Compute details associated with the attempt.</param>
    /// <param name="error">Terminal error for the attempt, if any.</param>
    /// <param name="warnings">Warnings emitted for the attempt.</param>
    /// <param name="isLatest">Whether this attempt is the current attempt for the job.</param>
    /// <returns>The model.</returns>
    public static JobAttempt JobAttempt(
        string? id = null,
        string? jobName = null,
        JobAttemptStatus? status = null,
        string? statusReason = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        DateTimeOffset? lastStartedAt = null,
        TimeSpan? computeDuration = null,
        IDictionary<string, JsonNode?>? queueingInfo = null,
        JobAttemptComputeDetails? computeDetails = null,
        JobAttemptError? error = null,
        IEnumerable<JobAttemptWarning>? warnings = null,
        bool? isLatest = null) =>
        new()
        {
            Id = id ?? string.Empty,
            JobName = jobName ?? string.Empty,
            Status = status,
            StatusReason = statusReason,
            StartedAt = startedAt,
            EndedAt = endedAt,
            LastStartedAt = lastStartedAt,
            ComputeDuration = computeDuration,
            QueueingInfo = queueingInfo is null ? null : new Dictionary<string, JsonNode?>(queueingInfo),
            ComputeDetails = computeDetails,
            Error = error,
            Warnings = warnings?.ToList(),
            IsLatest = isLatest,
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptComputeDetails"/>.</summary>
    /// <param name="vmSize">Virtual machine size used for this attempt.</param>
    /// <param name="instanceType">Instance type used for this attempt.</param>
    /// <param name="instanceCount">Number of instances allocated to this attempt.</param>
    /// <param name="gpuCount">Number of GPUs allocated to this attempt.</param>
    /// <param name="region">Region where this attempt was placed.</param>
    /// <param name="properties">Additional backend-specific compute placement properties.</param>
    /// <returns>The model.</returns>
    public static JobAttemptComputeDetails JobAttemptComputeDetails(
        string? vmSize = null,
        string? instanceType = null,
        int? instanceCount = null,
        int? gpuCount = null,
        string? region = null,
        IDictionary<string, JsonNode?>? properties = null) =>
        new()
        {
            VmSize = vmSize,
            InstanceType = instanceType,
            InstanceCount = instanceCount,
            GpuCount = gpuCount,
            Region = region,
            Properties = properties is null ? null : new Dictionary<string, JsonNode?>(properties),
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptError"/>.</summary>
    /// <param name="code">Machine-readable error code.</param>
    /// <param name="message">Human-readable error message.</param>
    /// <param name="details">Additional error details.</param>
    /// <returns>The model.</returns>
    public static JobAttemptError JobAttemptError(
        string? code = null,
        string? message = null,
        IDictionary<string, JsonNode?>? details = null) =>
        new()
        {
            Code = code,
            Message = message,
            Details = details is null ? null : new Dictionary<string, JsonNode?>(details),
        };

    /// <summary>Builds a <see cref="Jobs.JobAttemptWarning"/>.</summary>
    /// <param name="code">Machine-readable warning code.</param>
    /// <param name="message">Human-readable warning message.</param>
    /// <param name="details">Additional warning details.</param>
    /// <returns>The model.</returns>
    public static JobAttemptWarning JobAttemptWarning(
        string? code = null,
        string? message = null,
        IDictionary<string, JsonNode?>? details = null) =>
        new()
        {
            Code = code,
            Message = message,
            Details = details is null ? null : new Dictionary<string, JsonNode?>(details),
        };
}
