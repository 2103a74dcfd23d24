using System;
using Azure;
using Azure.Core;
using Polly;

namespace Foundry.Training;

/// <summary>
/// Options for <c>DatasetsClient</c>: service version, retries, diagnostics, transport, and how uploads split files
/// into blocks and how many blocks go at once.
/// </summary>
/// <remarks>
/// Retries work as for <see cref="TrainingJobsClientOptions"/>; during an upload each block is retried on its own, so a
/// connection reset in the middle of a large file resends one block, not the file.
/// </remarks>
public class DatasetsClientOptions : ClientOptions, IResilienceOptions, IResponseBufferOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V1;

    /// <summary>The smallest block size accepted: 64 KiB.</summary>
    internal const long MinBlockSize = 64 * 1024;

    /// <summary>The largest block size Azure Storage accepts: 4000 MiB.</summary>
    internal const long MaxBlockSize = 4000L * 1024 * 1024;

    private long _uploadBlockSize = 8 * 1024 * 1024;
    private int _maxConcurrentUploads = 8;
    private long _maxResponseContentBufferSize = ResponseBufferPolicy.DefaultMaxResponseContentBufferSize;

    /// <summary>The versions of the Foundry datasets API this client can use.</summary>
    public enum ServiceVersion
    {
        /// <summary>API version <c>v1</c>.</summary>
        V1 = 1,
    }

    /// <summary>Creates options for the given service version.</summary>
    /// <param name="version">The service version; the latest when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not a known version.</exception>
    public DatasetsClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V1 => "v1",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Foundry datasets service version."),
        };
        ClientDefaults.Apply(this);
        Diagnostics.LoggedQueryParameters.Add("comp");
        Diagnostics.LoggedQueryParameters.Add("blockid");
    }

    /// <summary>The <c>api-version</c> query value sent with every request.</summary>
    internal string Version { get; }

    /// <summary>The Entra ID scope requested for bearer tokens. Defaults to <c>https://ai.azure.com/.default</c>.</summary>
    public string Audience { get; set; } = "https://ai.azure.com/.default";

    /// <summary>
    /// The size of the blocks large files are uploaded in, in bytes; a file no larger is uploaded in one request.
    /// Defaults to 8 MiB; from 64 KiB to 4000 MiB. Raised for a file that would need more than 50 000 blocks (the
    /// limit of a block blob).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public long UploadBlockSize
    {
        get => _uploadBlockSize;
        set
        {
            Argument.AssertInRange(value, MinBlockSize, MaxBlockSize, nameof(UploadBlockSize));
            _uploadBlockSize = value;
        }
    }

    /// <summary>How many blocks or small files are uploaded at once. Defaults to 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConcurrentUploads
    {
        get => _maxConcurrentUploads;
        set
        {
            Argument.AssertInRange(value, 1, int.MaxValue, nameof(MaxConcurrentUploads));
            _maxConcurrentUploads = value;
        }
    }

    /// <summary>
    /// The largest response body, in bytes, a call reads into memory. Defaults to 64 MiB; see
    /// <see cref="TrainingJobsClientOptions.MaxResponseContentBufferSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="int.MaxValue"/>.</exception>
    public long MaxResponseContentBufferSize
    {
        get => _maxResponseContentBufferSize;
        set => _maxResponseContentBufferSize = ResponseBufferPolicy.CheckLimit(value, nameof(MaxResponseContentBufferSize));
    }

    /// <summary>
    /// Polly strategies applied around each call; none when null. See
    /// <see cref="TrainingJobsClientOptions.ResiliencePipeline"/>.
    /// </summary>
    public ResiliencePipeline<Response>? ResiliencePipeline { get; set; }
}
