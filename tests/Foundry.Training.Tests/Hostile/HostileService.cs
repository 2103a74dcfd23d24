using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Both clients (and the files, models and ingestion clients they hand out) over one in-process handler that records
/// every request line and answers as a test scripts it (by default a 404), without retries. Nothing leaves the process.
/// </summary>
public sealed class HostileService
{
    public const string JobsEndpoint = "https://account.services.ai.azure.com/api/projects/p";
    public const string OpenAIEndpoint = "https://resource.openai.azure.com";

    /// <summary>The OpenAI platform, for the routes Azure OpenAI does not have (uploads, checkpoint permissions).</summary>
    public const string OpenAIPlatformEndpoint = "https://api.openai.test/v1";

    public HostileService()
    {
        var transport = new HttpClientTransport(new HttpClient(Handler));
        var jobsOptions = new TrainingJobsClientOptions { Transport = transport, ValidateRequests = false };
        jobsOptions.Retry.MaxRetries = 0;
        Jobs = new TrainingJobsClient(new Uri(JobsEndpoint), new StaticTokenCredential(), jobsOptions);
        var fineTuningOptions = new FineTuningClientOptions { Transport = transport, ValidateRequests = false };
        fineTuningOptions.Retry.MaxRetries = 0;
        FineTuning = new FineTuningClient(new Uri(OpenAIEndpoint), new AzureKeyCredential("key"), fineTuningOptions);
        Files = FineTuning.GetFilesClient();
        Models = FineTuning.GetModelsClient();
        Ingestion = FineTuning.GetIngestionJobsClient();
        var platformOptions = new FineTuningClientOptions { Transport = transport, ValidateRequests = false, OpenAIEndpoint = new Uri(OpenAIPlatformEndpoint) };
        platformOptions.Retry.MaxRetries = 0;
        OpenAI = FineTuningClient.ForOpenAI("sk-test", platformOptions);
        OpenAIFiles = OpenAI.GetFilesClient();
        CheckpointPermissions = OpenAI.GetCheckpointPermissionsClient();
        var datasetsOptions = new DatasetsClientOptions { Transport = transport };
        datasetsOptions.Retry.MaxRetries = 0;
        Datasets = new Foundry.Training.Datasets.DatasetsClient(new Uri(JobsEndpoint), new StaticTokenCredential(), datasetsOptions);
    }

    public Foundry.Training.Datasets.DatasetsClient Datasets { get; }

    public RecordingHandler Handler { get; } = new();

    public TrainingJobsClient Jobs { get; }

    public FineTuningClient FineTuning { get; }

    public FineTuningFilesClient Files { get; }

    public FineTuningModelsClient Models { get; }

    public IngestionJobsClient Ingestion { get; }

    public FineTuningClient OpenAI { get; }

    public FineTuningFilesClient OpenAIFiles { get; }

    public FineTuningCheckpointPermissionsClient CheckpointPermissions { get; }

    /// <summary>The request lines sent so far (<c>GET /path?query</c>), oldest first.</summary>
    public IReadOnlyList<string> RequestLines => Handler.Requests.Select(r => $"{r.Method} {r.Uri.PathAndQuery}").ToList();

    /// <summary>Answers every request with <paramref name="respond"/>, given the request's method and path.</summary>
    public void Answer(Func<string, string, HttpResponseMessage> respond) =>
        Handler.Respond = request => respond(request.Method.Method, request.RequestUri!.AbsolutePath);

    public static HttpResponseMessage Json(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
