namespace Foundry.Training.FineTuning;

/// <summary>
/// Azure OpenAI ingestion jobs (<c>/ingestion/jobs</c>): create, get and list ingestion jobs and their runs.
/// Azure OpenAI only; obtain it from <c>FineTuningClient.GetIngestionJobsClient()</c>.
/// </summary>
public class IngestionJobsClient
{
    /// <summary>For mocking.</summary>
    protected IngestionJobsClient()
    {
    }

    internal IngestionJobsClient(ServicePipeline pipeline, FineTuningClientOptions options)
    {
        Pipeline = pipeline;
        Options = options;
    }

    internal ServicePipeline? Pipeline { get; }

    internal FineTuningClientOptions? Options { get; }
}
