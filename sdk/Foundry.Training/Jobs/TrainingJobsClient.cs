using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.Jobs;

/// <summary>
/// Client for Azure AI Foundry training jobs: create, inspect, list, cancel and delete jobs; read their attempts,
/// artifacts, metrics, outputs and services; wait for and watch a job. Thread-safe; create one per project and reuse it.
/// </summary>
/// <remarks>The operations are split by concern across the partial files of this class.</remarks>
public partial class TrainingJobsClient : ITrainingJobsClient
{
    private readonly ServicePipeline _pipeline;
    private readonly ServicePipeline _downloadPipeline;
    private readonly RangeReader _ranges;

    /// <summary>Resumes a broken artifact content download (the service's own route, with the client's credentials).</summary>
    private readonly RangeReader _contentRanges;
    private readonly TrainingJobsClientOptions _options;

    /// <summary>For mocking.</summary>
    protected TrainingJobsClient()
    {
        _pipeline = null!;
        _downloadPipeline = null!;
        _ranges = null!;
        _contentRanges = null!;
        _options = null!;
    }

    /// <summary>Creates a client for a Foundry project.</summary>
    /// <param name="endpoint">
    /// The project endpoint, <c>https://{account}.services.ai.azure.com/api/projects/{project}</c>. Plain HTTP is only
    /// accepted for loopback addresses (tests, the emulator).
    /// </param>
    /// <param name="credential">An Entra ID credential, for example <c>DefaultAzureCredential</c>; tokens are requested for <see cref="TrainingJobsClientOptions.Audience"/>.</param>
    /// <param name="options">Service version, retries, diagnostics, transport and validation; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not absolute, or neither HTTPS nor loopback.</exception>
    public TrainingJobsClient(Uri endpoint, TokenCredential credential, TrainingJobsClientOptions? options = null)
    {
        _options = options ?? new TrainingJobsClientOptions();
        _pipeline = ServicePipelineFactory.ForTrainingJobs(endpoint, credential, _options);
        _downloadPipeline = new ServicePipeline(_pipeline.Endpoint, ServicePipelineFactory.ForDownloads(_options), _pipeline.Serves, apiVersion: null, buffering: _options);
        _ranges = new RangeReader(_downloadPipeline);
        _contentRanges = new RangeReader(_pipeline);
    }

    /// <summary>The project endpoint this client talks to.</summary>
    public virtual Uri Endpoint => _pipeline.Endpoint;

    /// <summary>Calls a GET of the table and reads its JSON body, inside the operation's span.</summary>
    private ValueTask<Response<T>> GetValueAsync<T>(ServiceOperation operation, string path, Action<RequestUriBuilder>? query, string? jobName, bool async, CancellationToken cancellationToken, Action<OperationScope, T>? tag = null) =>
        _pipeline.CallForValueAsync(operation, path, query is null ? null : message => query(message.Request.Uri), jobName, null, async, cancellationToken, tag);

    /// <summary>A list operation of the table without paging parameters; the path is built now, so bad arguments throw at once.</summary>
    private PageFetcher<T> SinglePage<T>(ServiceOperation operation, params string[] routeValues)
        where T : notnull
    {
        string path = operation.Path(routeValues);
        return ListPaging.SinglePage(_pipeline, () => _pipeline.CreateRequest(operation, path), ModelSerialization.GetTypeInfo<T>());
    }

    /// <summary>Adds <c>limit</c>, <c>order</c>, <c>after</c>, <c>before</c>; the continuation token and page-size hint win over the options.</summary>
    private static void AppendPaging(RequestUriBuilder uri, TrainingListOptions? options, string? continuationToken, int? pageSizeHint)
    {
        int? limit = pageSizeHint ?? options?.Limit;
        if (limit is not null)
        {
            uri.AppendQuery("limit", limit.Value.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (options?.Order is ListSortOrder order)
        {
            uri.AppendQuery("order", order.ToString(), escapeValue: true);
        }

        string? after = continuationToken ?? options?.After;
        if (after is not null)
        {
            uri.AppendQuery("after", after, escapeValue: true);
        }

        if (options?.Before is not null)
        {
            uri.AppendQuery("before", options.Before, escapeValue: true);
        }
    }

    /// <summary>Checks paging options before any request is sent.</summary>
    private static void ValidatePaging(TrainingListOptions? options, string parameterName)
    {
        if (options?.Limit is int limit)
        {
            Argument.AssertInRange(limit, 1, 100, parameterName + ".Limit");
        }
    }
}
