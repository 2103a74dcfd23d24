using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Azure;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>Every SDK operation against the Azure OpenAI authoring swagger (<c>2024-05-01-preview</c>), its 20 operations.</summary>
internal static class AzureOpenAIOperations
{
    private const string Id = "[^/]+";

    // Files_Upload's formData: purpose (enum) and file; nothing else.
    private static readonly string[] s_purposes = { "fine-tune", "fine-tune-results", "assistants", "assistants_output" };
    private static readonly string[] s_formFields = { "purpose", "file" };

    public static IReadOnlyList<ConformanceOperation> All { get; } = Create();

    private static List<ConformanceOperation> Create()
    {
        byte[] training = Encoding.UTF8.GetBytes(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n");

        return new List<ConformanceOperation>
        {
            // Files
            new()
            {
                Name = "FineTuningFilesClient.Upload (stream)", SpecOperation = "Files_Upload", Method = "POST", PathPattern = "^/files$",
                CheckRequest = e => MultipartCheck.Check(e, s_purposes, s_formFields, "fine-tune", "train.jsonl", training),
                Body = async (c, async, ct) =>
                {
                    using var stream = new MemoryStream(training);
                    Response<FineTuningFile> r = async
                        ? await c.Files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune, cancellationToken: ct)
                        : c.Files.Upload(stream, "train.jsonl", FilePurpose.FineTune, cancellationToken: ct);
                    return Describe(r.Value);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Upload (path)", SpecOperation = "Files_Upload", Method = "POST", PathPattern = "^/files$",
                CheckRequest = e => MultipartCheck.Check(e, s_purposes, s_formFields, "fine-tune", "train.jsonl", training),
                Body = async (c, async, ct) =>
                {
                    string path = Path.Combine(c.WorkDirectory, "train.jsonl");
                    await File.WriteAllBytesAsync(path, training, ct);
                    Response<FineTuningFile> r = async
                        ? await c.Files.UploadAsync(path, FilePurpose.FineTune, cancellationToken: ct)
                        : c.Files.Upload(path, FilePurpose.FineTune, cancellationToken: ct);
                    return Describe(r.Value);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Import", SpecOperation = "Files_Import", Method = "POST", PathPattern = "^/files/import$",
                Body = async (c, async, ct) =>
                {
                    var import = new FineTuningFileImport(new Uri("https://contoso.blob.core.windows.net/data/train.jsonl"), "train.jsonl", FilePurpose.FineTune);
                    Response<FineTuningFile> r = async ? await c.Files.ImportAsync(import, ct) : c.Files.Import(import, ct);
                    return Describe(r.Value);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Get", SpecOperation = "Files_Get", Method = "GET", PathPattern = "^/files/" + Id + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Files.GetAsync(c.Fixture.FileId, ct) : c.Files.Get(c.Fixture.FileId, ct)).Value),
            },
            new()
            {
                Name = "FineTuningFilesClient.GetFiles (purpose)", SpecOperation = "Files_List", Method = "GET", PathPattern = "^/files$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningFileListOptions { Purpose = FilePurpose.FineTune };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Files.GetFilesAsync(options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Files.GetFiles(options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.DownloadContent", SpecOperation = "Files_GetContent", Method = "GET", PathPattern = "^/files/" + Id + "/content$",
                Body = async (c, async, ct) =>
                {
                    Response<Stream> r = async ? await c.Files.DownloadContentAsync(c.Fixture.FileId, ct) : c.Files.DownloadContent(c.Fixture.FileId, ct);
                    return (await OperationContext.DrainAsync(r.Value, async, ct)) + " byte(s)";
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Delete", SpecOperation = "Files_Delete", Method = "DELETE", PathPattern = "^/files/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    string file = await c.Fixture.NewFileAsync(ct);
                    return "status " + (async ? await c.Files.DeleteAsync(file, ct) : c.Files.Delete(file, ct)).GetRawResponse().Status;
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.WaitForProcessed", SpecOperation = "Files_Get", Method = "GET", PathPattern = "^/files/" + Id + "$",
                Body = (c, async, ct) => c.PollAsync(
                    3,
                    async t => async ? await c.Files.WaitForProcessedAsync(c.Fixture.FileId, TimeSpan.FromMilliseconds(10), t) : c.Files.WaitForProcessed(c.Fixture.FileId, TimeSpan.FromMilliseconds(10), t),
                    r => Describe(r.Value),
                    ct),
            },

            // Fine-tuning jobs
            new()
            {
                Name = "FineTuningClient.CreateJob (required fields)", SpecOperation = "FineTuning_Create", Method = "POST", PathPattern = "^/fine_tuning/jobs$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningJobCreateOptions("gpt-35-turbo-0613", c.Fixture.FileId);
                    return Describe((async ? await c.Client.CreateJobAsync(options, ct) : c.Client.CreateJob(options, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.CreateJob (every 2024-05-01-preview field)", SpecOperation = "FineTuning_Create", Method = "POST", PathPattern = "^/fine_tuning/jobs$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningJobCreateOptions("gpt-35-turbo-0613", c.Fixture.FileId)
                    {
                        ValidationFile = c.Fixture.FileId,
                        Suffix = "conformance_run-1",
                        Seed = 42,
                        Hyperparameters = new FineTuningHyperparameters { EpochCount = 2, BatchSize = 8, LearningRateMultiplier = 0.5 },
                    };
                    return Describe((async ? await c.Client.CreateJobAsync(options, ct) : c.Client.CreateJob(options, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.GetJob", SpecOperation = "FineTuning_Get", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Client.GetJobAsync(c.Fixture.JobId, ct) : c.Client.GetJob(c.Fixture.JobId, ct)).Value),
            },
            new()
            {
                Name = "FineTuningClient.GetJobs (limit, after)", SpecOperation = "FineTuning_List", Method = "GET", PathPattern = "^/fine_tuning/jobs$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningJobListOptions { Limit = 2, After = c.Fixture.IsEmulator ? null : "ftjob-previous" };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Client.GetJobsAsync(options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Client.GetJobs(options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningClient.CancelJob", SpecOperation = "FineTuning_Cancel", Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/cancel$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewRunningJobAsync(ct);
                    return Describe((async ? await c.Client.CancelJobAsync(job, ct) : c.Client.CancelJob(job, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.DeleteJob", SpecOperation = "FineTuning_Delete", Method = "DELETE", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewFinishedJobAsync(ct);
                    return "status " + (async ? await c.Client.DeleteJobAsync(job, ct) : c.Client.DeleteJob(job, ct)).Status;
                },
            },
            new()
            {
                Name = "FineTuningClient.GetJobEvents (limit)", SpecOperation = "FineTuning_GetEvents", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "/events$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningListOptions { Limit = 5 };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Client.GetJobEventsAsync(c.Fixture.JobId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Client.GetJobEvents(c.Fixture.JobId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningClient.GetJobCheckpoints (limit)", SpecOperation = "FineTuning_GetCheckpoints", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "/checkpoints$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningListOptions { Limit = 5 };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Client.GetJobCheckpointsAsync(c.Fixture.JobId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Client.GetJobCheckpoints(c.Fixture.JobId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningClient.WaitForCompletion", SpecOperation = "FineTuning_Get", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = (c, async, ct) => c.PollAsync(
                    3,
                    async t => async ? await c.Client.WaitForCompletionAsync(c.Fixture.JobId, TimeSpan.FromMilliseconds(10), t) : c.Client.WaitForCompletion(c.Fixture.JobId, TimeSpan.FromMilliseconds(10), t),
                    r => Describe(r.Value),
                    ct),
            },
            new()
            {
                Name = "FineTuningClient.PauseJob", SpecOperation = null, Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/pause$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewRunningJobAsync(ct);
                    return Describe((async ? await c.Client.PauseJobAsync(job, ct) : c.Client.PauseJob(job, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.ResumeJob", SpecOperation = null, Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/resume$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewPausedJobAsync(ct);
                    return Describe((async ? await c.Client.ResumeJobAsync(job, ct) : c.Client.ResumeJob(job, ct)).Value);
                },
            },

            // Models
            new()
            {
                Name = "FineTuningModelsClient.GetModels", SpecOperation = "Models_List", Method = "GET", PathPattern = "^/models$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Models.GetModelsAsync(ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Models.GetModels(ct), maxPages: 3),
            },
            new()
            {
                Name = "FineTuningModelsClient.GetModel", SpecOperation = "Models_Get", Method = "GET", PathPattern = "^/models/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    FineTuningModel model = (async ? await c.Models.GetModelAsync(c.Fixture.ModelId, ct) : c.Models.GetModel(c.Fixture.ModelId, ct)).Value;
                    return $"model {model.Id} ({model.Status})";
                },
            },

            // Ingestion jobs
            new()
            {
                Name = "IngestionJobsClient.CreateJob (system compute)", SpecOperation = "IngestionJobs_Create", Method = "PUT", PathPattern = "^/ingestion/jobs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    // The sync twin creates the same job again, which the service answers as it is.
                    IngestionJob job = SystemComputeJob();
                    return Describe((async ? await c.Ingestion.CreateJobAsync("conformance-system", job, cancellationToken: ct) : c.Ingestion.CreateJob("conformance-system", job, cancellationToken: ct)).Value);
                },
            },
            new()
            {
                Name = "IngestionJobsClient.CreateJob (user compute, tokens)", SpecOperation = "IngestionJobs_Create", Method = "PUT", PathPattern = "^/ingestion/jobs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    IngestionJob job = UserComputeJob();
                    return Describe((async
                        ? await c.Ingestion.CreateJobAsync("conformance-user", job, "mgmt-token", "aml-token", ct)
                        : c.Ingestion.CreateJob("conformance-user", job, "mgmt-token", "aml-token", ct)).Value);
                },
            },
            new()
            {
                Name = "IngestionJobsClient.GetJob", SpecOperation = "IngestionJobs_Get", Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Ingestion.GetJobAsync(c.Fixture.IngestionJobId, ct) : c.Ingestion.GetJob(c.Fixture.IngestionJobId, ct)).Value),
            },
            new()
            {
                // Against a mock one page: Prism's nextLink is made-up text, not a link to this server.
                Name = "IngestionJobsClient.GetJobs (token)", SpecOperation = "IngestionJobs_List", Method = "GET", PathPattern = "^/ingestion/jobs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Ingestion.GetJobsAsync("mgmt-token", ct), maxPages: c.Fixture.IsEmulator ? 3 : 1)
                    : OperationContext.ReadPages(c.Ingestion.GetJobs("mgmt-token", ct), maxPages: c.Fixture.IsEmulator ? 3 : 1),
            },
            new()
            {
                Name = "IngestionJobsClient.GetRuns (token)", SpecOperation = "IngestionJobRuns_List", Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "/runs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Ingestion.GetRunsAsync(c.Fixture.IngestionJobId, "mgmt-token", ct), maxPages: c.Fixture.IsEmulator ? 3 : 1)
                    : OperationContext.ReadPages(c.Ingestion.GetRuns(c.Fixture.IngestionJobId, "mgmt-token", ct), maxPages: c.Fixture.IsEmulator ? 3 : 1),
            },
            new()
            {
                Name = "IngestionJobsClient.GetRun", SpecOperation = "IngestionJobRuns_Get", Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "/runs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    IngestionJobRun run = (async
                        ? await c.Ingestion.GetRunAsync(c.Fixture.IngestionJobId, c.Fixture.IngestionRunId, cancellationToken: ct)
                        : c.Ingestion.GetRun(c.Fixture.IngestionJobId, c.Fixture.IngestionRunId, cancellationToken: ct)).Value;
                    return $"run {run.RunId} ({run.Status})";
                },
            },
        };
    }

    /// <summary>The swagger's system-compute example: a storage container, refreshed daily.</summary>
    internal static SystemComputeIngestionJob SystemComputeJob()
    {
        var storage = new SystemComputeStorage
        {
            Connection = new EndpointManagedIdentityConnection { Endpoint = "https://mystorage.blob.core.windows.net/", ResourceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/mystorage" },
            ContainerName = "container",
            Chunking = new ChunkingSettings { MaxChunkSizeInTokens = 2048 },
        };
        storage.Embeddings.Add(new ConnectionEmbeddingSettings { Connection = new DeploymentConnection(), DeploymentName = "Ada" });
        return new SystemComputeIngestionJob
        {
            SearchServiceConnection = new EndpointManagedIdentityConnection { Endpoint = "https://search.search.windows.net" },
            Datasource = storage,
            DataRefreshIntervalInHours = 24,
            CompletionAction = IngestionJobCompletionAction.KeepAllAssets,
        };
    }

    private static UserComputeIngestionJob UserComputeJob()
    {
        var urls = new UserComputeUrl { Crawling = new CrawlingSettings { MaxCrawlDepth = 2 }, Chunking = new ChunkingSettings { MaxChunkSizeInTokens = 1024 } };
        urls.Urls.Add("https://learn.microsoft.com/azure/ai-services/openai/");
        urls.Embeddings.Add(new WorkspaceConnectionEmbeddingSettings { ConnectionId = "/connections/aoai", DeploymentName = "ada", ModelName = "text-embedding-ada-002" });
        return new UserComputeIngestionJob
        {
            WorkspaceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws",
            Compute = new ServerlessCompute { Sku = "Standard_D4", InstanceCount = 1 },
            Target = new AzureAISearchIndex { ConnectionId = "/connections/search" },
            Datasource = urls,
            DataRefreshIntervalInHours = 12,
        };
    }

    internal static string Describe(FineTuningFile file) => $"file {file.Id} ({file.Status}, {file.Purpose})";

    internal static string Describe(FineTuningJob job) => $"job {job.Id} ({job.Status})";

    internal static string Describe(IngestionJob job) => $"ingestion job {job.JobId} ({job.Kind})";
}
