using Azure;
using Azure.Core;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FaultInjection.Infrastructure;

/// <summary>
/// Both clients (and the files and ingestion clients they hand out) against one local endpoint. Retries are fast and
/// waited on <see cref="Clock"/>, which records every wait and fires at once, so storms take no time and the waits
/// the service asked for can be asserted exactly.
/// </summary>
public sealed class FaultClients
{
    public const int MaxRetries = 3;

    public FaultClients(Uri endpoint, Action<RetryOptions>? retry = null, bool recordWaits = true, long? maxResponseContentBufferSize = null)
    {
        var jobsOptions = new TrainingJobsClientOptions();
        Configure(jobsOptions, retry, recordWaits);
        jobsOptions.MaxResponseContentBufferSize = maxResponseContentBufferSize ?? jobsOptions.MaxResponseContentBufferSize;
        Jobs = new TrainingJobsClient(new Uri(endpoint, "api/projects/p"), new StaticTokenCredential(), jobsOptions);

        var fineTuningOptions = new FineTuningClientOptions();
        Configure(fineTuningOptions, retry, recordWaits);
        fineTuningOptions.MaxResponseContentBufferSize = maxResponseContentBufferSize ?? fineTuningOptions.MaxResponseContentBufferSize;
        FineTuning = new FineTuningClient(endpoint, new AzureKeyCredential("key"), fineTuningOptions);
        Files = FineTuning.GetFilesClient();
        Ingestion = FineTuning.GetIngestionJobsClient();
    }

    public RecordingTimeProvider Clock { get; } = new();

    public TrainingJobsClient Jobs { get; }

    public FineTuningClient FineTuning { get; }

    public FineTuningFilesClient Files { get; }

    public IngestionJobsClient Ingestion { get; }

    private void Configure(ClientOptions options, Action<RetryOptions>? retry, bool recordWaits)
    {
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        retry?.Invoke(options.Retry);
        if (recordWaits)
        {
            options.RetryPolicy = new ServiceRetryPolicy(options.Retry, timeProvider: Clock);
        }
    }
}
