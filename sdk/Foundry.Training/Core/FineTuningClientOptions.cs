using System;
using Azure;
using Azure.Core;
using Polly;

namespace Foundry.Training;

/// <summary>
/// Options for <c>FineTuningClient</c> and the clients it hands out: service version, OpenAI organization
/// and project, retries, diagnostics, transport and request validation.
/// </summary>
/// <remarks>
/// Failed requests are retried as <see cref="ClientOptions.Retry"/> says: 408, 429 and 5xx gateway statuses and
/// transport failures, with exponential backoff and jitter, honouring the service's <c>Retry-After</c>,
/// <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> and <c>x-should-retry</c> headers; no single wait exceeds
/// <see cref="RetryOptions.MaxDelay"/>. Creates are repeated only when a repeat cannot duplicate the resource.
/// </remarks>
public class FineTuningClientOptions : ClientOptions, IResilienceOptions, IResponseBufferOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2024_05_01_Preview;

    /// <summary>The versions of the Azure OpenAI authoring API this client can use. Ignored on the OpenAI platform, which is not versioned.</summary>
    public enum ServiceVersion
    {
        /// <summary>Azure OpenAI authoring API <c>2024-05-01-preview</c>.</summary>
        V2024_05_01_Preview = 1,
    }

    /// <summary>Creates options for the given service version.</summary>
    /// <param name="version">The Azure OpenAI service version; the latest when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not a known version.</exception>
    public FineTuningClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2024_05_01_Preview => "2024-05-01-preview",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Azure OpenAI service version."),
        };
        ClientDefaults.Apply(this);
    }

    /// <summary>The <c>api-version</c> query value sent to Azure OpenAI.</summary>
    internal string Version { get; }

    /// <summary>
    /// OpenAI platform only: the base address, <c>https://api.openai.com/v1</c> when null. Set it to reach an
    /// OpenAI-compatible server or a local emulator.
    /// </summary>
    public Uri? OpenAIEndpoint { get; set; }

    /// <summary>OpenAI platform only: the organization sent in the <c>OpenAI-Organization</c> header.</summary>
    public string? OpenAIOrganization { get; set; }

    /// <summary>OpenAI platform only: the project sent in the <c>OpenAI-Project</c> header.</summary>
    public string? OpenAIProject { get; set; }

    /// <summary>
    /// Whether requests are validated on the client before they are sent (for example the job suffix length).
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

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

    /// <summary>The Entra ID scope requested for bearer tokens against Azure OpenAI. Defaults to <c>https://cognitiveservices.azure.com/.default</c>.</summary>
    public string Audience { get; set; } = "https://cognitiveservices.azure.com/.default";

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
