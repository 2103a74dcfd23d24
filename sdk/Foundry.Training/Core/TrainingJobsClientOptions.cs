using System;
using Azure;
using Azure.Core;
using Polly;

namespace Foundry.Training;

/// <summary>
/// Options for <c>TrainingJobsClient</c>: service version, retries, diagnostics, transport and request validation.
/// </summary>
/// <remarks>
/// Failed requests are retried as <see cref="ClientOptions.Retry"/> says: 408, 429 and 5xx gateway statuses and
/// transport failures, with exponential backoff and jitter, honouring the service's <c>Retry-After</c>,
/// <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> and <c>x-should-retry</c> headers; no single wait exceeds
/// <see cref="RetryOptions.MaxDelay"/>. Creates are repeated only when a repeat cannot duplicate the resource.
/// </remarks>
public class TrainingJobsClientOptions : ClientOptions, IResilienceOptions, IResponseBufferOptions
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
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConcurrentDownloads
    {
        get => _maxConcurrentDownloads;
        set
        {
            Argument.AssertInRange(value, 1, int.MaxValue, nameof(MaxConcurrentDownloads));
            _maxConcurrentDownloads = value;
        }
    }

    private int _maxConcurrentDownloads = 4;

    /// <summary>
    /// How <c>DownloadArtifacts</c> fetches each file: in parts of <see cref="TransferOptions.PartSize"/> bytes,
    /// <see cref="TransferOptions.MaximumConcurrency"/> at a time, resumed after a broken connection and checked against
    /// the length and MD5 storage reports. Read when a download starts.
    /// </summary>
    public TransferOptions Transfers { get; } = new();

    /// <summary>
    /// The largest response body, in bytes, a call reads into memory. Defaults to 64 MiB. A response that declares or
    /// sends more fails with a <see cref="RequestFailedException"/> (error code <c>ResponseTooLarge</c>, not retried)
    /// instead of growing the process; an error response's body is cut at this size. Downloads are streamed and not
    /// limited by it. Read on every response. See <c>docs/resilience.md</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="int.MaxValue"/>.</exception>
    public long MaxResponseContentBufferSize
    {
        get => _maxResponseContentBufferSize;
        set => _maxResponseContentBufferSize = ResponseBufferPolicy.CheckLimit(value, nameof(MaxResponseContentBufferSize));
    }

    private long _maxResponseContentBufferSize = ResponseBufferPolicy.DefaultMaxResponseContentBufferSize;

    /// <summary>The Entra ID scope requested for bearer tokens. Defaults to <c>https://ai.azure.com/.default</c>.</summary>
    public string Audience { get; set; } = "https://ai.azure.com/.default";

    /// <summary>
    /// Polly strategies applied around each call (circuit breaker, timeout, hedging, rate limiter, ...); none when null.
    /// The pipeline sees one whole call, the built-in retries included, and its result is the final
    /// <see cref="Response"/>: an error status is a result, so select it with <c>HandleResult</c> where a strategy
    /// should react to it. A strategy's own failures surface unchanged (for example Polly's
    /// <c>BrokenCircuitException</c> or <c>TimeoutRejectedException</c>). Read when a client is created. See
    /// <c>docs/resilience.md</c>.
    /// </summary>
    public ResiliencePipeline<Response>? ResiliencePipeline { get; set; }

    /// <summary>The clock polling waits run on (<c>WaitForCompletion</c>, operations, watching); tests substitute one. Read when a client is created.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
