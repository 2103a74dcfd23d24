using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

public static partial class TrainingModelFactory
{
    /// <summary>Builds a <see cref="Jobs.JobOperationResource"/>.</summary>
    /// <param name="id">Operation resource ID.</param>
    /// <param name="name">Operation name.</param>
    /// <param name="status">Operation status.</param>
    /// <param name="properties">Operation result properties.</param>
    /// <param name="startedAt">Operation start time.</param>
    /// <param name="endedAt">Operation end time.</param>
    /// <param name="percentComplete">Operation completion percentage from 0 to 100.</param>
    /// <param name="error">Operation error information.</param>
    /// <returns>The model.</returns>
    public static JobOperationResource JobOperationResource(
        string? id = null,
        string? name = null,
        JobOperationStatus? status = null,
        IDictionary<string, JsonNode?>? properties = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        double? percentComplete = null,
        JobOperationError? error = null) =>
        new()
        {
            Id = id,
            Name = name,
            Status = status ?? default,
            Properties = properties is null ? null : new Dictionary<string, JsonNode?>(properties),
            StartedAt = startedAt,
            EndedAt = endedAt,
            PercentComplete = percentComplete,
            Error = error,
        };

    /// <summary>Builds a <see cref="Jobs.JobOperationError"/>.</summary>
    /// <param name="code">Machine-readable error code.</param>
    /// <param name="message">Human-readable error message.</param>
    /// <param name="details">Additional error information.</param>
    /// <returns>The model.</returns>
    public static JobOperationError JobOperationError(
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
