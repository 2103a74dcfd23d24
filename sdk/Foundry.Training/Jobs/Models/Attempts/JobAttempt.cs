using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>One execution attempt of a training job. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobAttempt : ExtensibleModel<JobAttempt>
{
    [JsonConstructor]
    internal JobAttempt()
    {
    }

    /// <summary>The attempt identifier.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The job name this attempt belongs to.</summary>
    [JsonPropertyName("job_name")]
    [JsonInclude]
    public string JobName { get; internal set; } = string.Empty;

    /// <summary>The attempt status.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public JobAttemptStatus? Status { get; internal set; }

    /// <summary>Additional status reason.</summary>
    [JsonPropertyName("status_reason")]
    [JsonInclude]
    public string? StatusReason { get; internal set; }

    /// <summary>Time the attempt started.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("started_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>Time the attempt ended.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("ended_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Most recent time the attempt started running.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("last_started_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? LastStartedAt { get; internal set; }

    /// <summary>Total compute duration consumed by the attempt.</summary>
    /// <remarks>A value that is not an ISO 8601 duration reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("compute_duration")]
    [JsonInclude]
    [JsonConverter(typeof(Iso8601DurationConverter))]
    public TimeSpan? ComputeDuration { get; internal set; }

    /// <summary>Queueing details associated with the attempt.</summary>
    [JsonPropertyName("queueing_info")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? QueueingInfo { get; internal set; }

    /// <summary>Compute details associated with the attempt.</summary>
    [JsonPropertyName("compute_details")]
    [JsonInclude]
    public JobAttemptComputeDetails? ComputeDetails { get; internal set; }

    /// <summary>Terminal error for the attempt, if any.</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public JobAttemptError? Error { get; internal set; }

    /// <summary>Warnings emitted for the attempt.</summary>
    [JsonPropertyName("warnings")]
    [JsonInclude]
    public IReadOnlyList<JobAttemptWarning>? Warnings { get; internal set; }

    /// <summary>Whether this attempt is the current attempt for the job.</summary>
    [JsonPropertyName("is_latest")]
    [JsonInclude]
    public bool? IsLatest { get; internal set; }
}
