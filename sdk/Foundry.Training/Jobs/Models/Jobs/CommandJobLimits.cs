using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Limits of a command job.</summary>
public sealed class CommandJobLimits : ExtensibleModel<CommandJobLimits>
{
    /// <summary>The job limit type (<c>job_limits_type</c>), always <c>command</c> for limits this SDK creates.</summary>
    [JsonInclude]
    [JsonPropertyName("job_limits_type")]
    public string? JobLimitsType { get; internal set; } = "command";

    /// <summary>
    /// The maximum run duration, after which the job is cancelled. Sent as an ISO 8601 duration; the service supports a
    /// precision down to seconds.
    /// </summary>
    /// <remarks>
    /// A <c>timeout</c> read from the service that is not an ISO 8601 duration reads null and is kept, as it came, in
    /// <see cref="ExtensibleModel.AdditionalProperties"/>; once this property is set, the limits are written with the
    /// value set instead.
    /// </remarks>
    [JsonPropertyName("timeout")]
    [JsonConverter(typeof(Iso8601DurationConverter))]
    public TimeSpan? Timeout { get; set; }
}
