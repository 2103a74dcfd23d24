using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Asynchronous training job operation resource (delete or cancel). Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobOperationResource : ExtensibleModel<JobOperationResource>
{
    [JsonConstructor]
    internal JobOperationResource()
    {
    }

    /// <summary>Operation resource ID.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public string? Id { get; internal set; }

    /// <summary>Operation name.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string? Name { get; internal set; }

    /// <summary>Operation status.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JobOperationStatus Status { get; internal set; }

    /// <summary>Operation result properties.</summary>
    [JsonPropertyName("properties")]
    [JsonInclude]
    public IReadOnlyDictionary<string, JsonNode?>? Properties { get; internal set; }

    /// <summary>Operation start time.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("started_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>Operation end time.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("ended_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Operation completion percentage from 0 to 100.</summary>
    [JsonPropertyName("percent_complete")]
    [JsonInclude]
    public double? PercentComplete { get; internal set; }

    /// <summary>Operation error information.</summary>
    [JsonPropertyName("error")]
    [JsonInclude]
    public JobOperationError? Error { get; internal set; }
}
