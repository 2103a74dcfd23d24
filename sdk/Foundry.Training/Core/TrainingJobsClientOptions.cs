using System;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Options for <c>TrainingJobsClient</c>: service version, retries, diagnostics, transport and request validation.
/// </summary>
public class TrainingJobsClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V1;

    /// <summary>The versions of the Foundry training jobs API this client can use.</summary>
    public enum ServiceVersion
    {
        /// <summary>API version <c>v1</c> (training jobs are in preview and sent with <c>Foundry-Features: TrainingJobs=V1Preview</c>).</summary>
        V1 = 1,
    }

    /// <summary>Creates options for the given service version.</summary>
    /// <param name="version">The service version; the latest when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not a known version.</exception>
    public TrainingJobsClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V1 => "v1",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Foundry training jobs service version."),
        };
        ClientDefaults.Apply(this);
    }

    /// <summary>The <c>api-version</c> query value sent with every request.</summary>
    internal string Version { get; }

    /// <summary>The preview opt-in sent in the <c>Foundry-Features</c> header. Defaults to <c>TrainingJobs=V1Preview</c>.</summary>
    public string FoundryFeatures { get; set; } = "TrainingJobs=V1Preview";

    /// <summary>
    /// Whether requests are validated on the client (for example <c>CommandJob.Validate()</c> before a job is created).
    /// Defaults to <see langword="true"/>; turn it off to let the service be the only judge.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>How many artifact files <c>DownloadArtifacts</c> fetches at once. Defaults to 4.</summary>
    public int MaxConcurrentDownloads { get; set; } = 4;

    /// <summary>The Entra ID scope requested for bearer tokens. Defaults to <c>https://ai.azure.com/.default</c>.</summary>
    public string Audience { get; set; } = "https://ai.azure.com/.default";
}
