using System;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Content access information for a job artifact. Returned by the service; build one for tests with <c>TrainingModelFactory</c>.</summary>
public sealed class JobArtifactContentInfo : ExtensibleModel<JobArtifactContentInfo>
{
    [JsonConstructor]
    internal JobArtifactContentInfo()
    {
    }

    /// <summary>Artifact path relative to the job artifact root.</summary>
    [JsonPropertyName("path")]
    [JsonInclude]
    public string Path { get; internal set; } = string.Empty;

    /// <summary>Download URI for the artifact content (typically pre-signed; treat it as a secret).</summary>
    /// <remarks>
    /// Required by the service contract, but null when the service left it out or sent a value that is not a URI
    /// <see cref="Uri"/> accepts (a host with a comma, say); such a value is kept, as it came, in
    /// <see cref="ExtensibleModel.AdditionalProperties"/> (and written back). <c>DownloadArtifacts</c> refuses an item
    /// without one (<c>InvalidArtifactContentUri</c>, naming the artifact).
    /// </remarks>
    [JsonPropertyName("content_uri")]
    [JsonInclude]
    public Uri? ContentUri { get; internal set; }

    /// <summary>MIME type of the content.</summary>
    [JsonPropertyName("content_type")]
    [JsonInclude]
    public string? ContentType { get; internal set; }

    /// <summary>Time the content URI expires.</summary>
    /// <remarks>A value that is not a unix timestamp reads null and is kept, as it came, in <see cref="ExtensibleModel.AdditionalProperties"/> (and written back).</remarks>
    [JsonPropertyName("expires_at")]
    [JsonInclude]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; internal set; }
}
