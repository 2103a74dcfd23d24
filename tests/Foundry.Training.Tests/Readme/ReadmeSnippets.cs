using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Core;
using Azure.Identity;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Foundry.Training.Tokenization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Foundry.Training.Tests.Readme;

/// <summary>
/// The code samples of README.md. Each <c>#region Snippet:Name</c> must match the README block marked
/// <c>&lt;!-- snippet: Name --&gt;</c> (see <see cref="ReadmeSnippetTests"/>), so every sample there compiles.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0059", Justification = "Samples show the variables users get.")]
internal static class ReadmeSnippets
{
    public static async Task FoundryQuickStart(Uri projectEndpoint, TokenCredential credential)
    {
        #region Snippet:FoundryQuickStart
        var client = new TrainingJobsClient(projectEndpoint, credential);

        var recipe = new SftTrainingConfiguration("Qwen/Qwen2.5-7B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/chat/versions/1"))
        {
            Lora = new TrainingLoraConfiguration(rank: 16),
            Eval = new TrainingEvalConfiguration { Dataset = "azureai://datasets/chat-eval/versions/1", EveryNSteps = 50 },
            LearningRate = 2e-4,
            NumTrainEpochs = 3,
        };
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe, DisplayName = "sft-qwen" };

        await client.CreateAsync("sft-qwen-001", job);
        await foreach (TrainingJobUpdate update in client.WatchAsync("sft-qwen-001"))
        {
            Console.WriteLine(update.Kind == TrainingJobUpdateKind.StatusChanged
                ? $"status: {update.Status}"
                : $"{update.MetricName} @ step {update.Point!.Step}: {update.Point.Value}");
        }

        await client.DownloadArtifactsAsync("sft-qwen-001", attemptId: "1", destinationDirectory: "outputs");
        #endregion
    }

    public static async Task TrainOnLocalData(Uri projectEndpoint, TokenCredential credential)
    {
        #region Snippet:TrainOnLocalData
        var datasets = new DatasetsClient(projectEndpoint, credential);
        var jobs = new TrainingJobsClient(projectEndpoint, credential);

        var recipe = new SftTrainingConfiguration("Qwen/Qwen2.5-7B-Instruct", new TrainingDatasetConfiguration("data/train.jsonl"));
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe };

        // Uploads data/train.jsonl once (named by its content hash) and returns a copy that refers to it.
        CommandJob ready = await datasets.ResolveLocalPathsAsync(job);
        await jobs.CreateAsync("sft-local-001", ready);
        #endregion
    }

    public static async Task FineTuningQuickStart(Uri azureOpenAIEndpoint, string apiKey)
    {
        #region Snippet:FineTuningQuickStart
        var client = new FineTuningClient(azureOpenAIEndpoint, new AzureKeyCredential(apiKey));
        FineTuningFilesClient files = client.GetFilesClient();

        FineTuningFile file = await files.UploadAsync("train.jsonl", FilePurpose.FineTune, new Progress<long>(sent => Console.Write($"\r{sent:N0} bytes")));
        await files.WaitForProcessedAsync(file.Id);

        FineTuningJob job = await client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini", file.Id) { Suffix = "support-bot" });
        FineTuningJob done = await client.WaitForCompletionAsync(job.Id, TimeSpan.FromSeconds(30)); // throws FineTuningJobFailedException on failure
        Console.WriteLine($"fine-tuned model: {done.FineTunedModel}");
        #endregion
    }

    public static void Authentication(Uri projectEndpoint, Uri azureOpenAIEndpoint)
    {
        #region Snippet:Authentication
        // Foundry training jobs: Microsoft Entra ID (scope https://ai.azure.com/.default).
        var jobs = new TrainingJobsClient(projectEndpoint, new DefaultAzureCredential());

        // Azure OpenAI: an API key (api-key header) or Entra ID (scope https://cognitiveservices.azure.com/.default).
        var azureWithKey = new FineTuningClient(azureOpenAIEndpoint, new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));
        var azureWithEntra = new FineTuningClient(azureOpenAIEndpoint, new DefaultAzureCredential());

        // OpenAI platform: Authorization: Bearer, optional organization and project headers, no api-version.
        var openAI = FineTuningClient.ForOpenAI(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!, new FineTuningClientOptions { OpenAIProject = "proj_123" });
        #endregion
    }

    public static async Task TrainingDataAnalysis(decimal pricePerMillionTokens)
    {
        #region Snippet:TrainingDataAnalysis
        // Foundry.Training.Tokenization counts tokens as OpenAI's tokenizers do, offline (o200k_base, cl100k_base).
        var analyzer = new TrainingFileAnalyzer(
            TiktokenTokenCounter.ForModel("gpt-4.1-mini-2025-04-14"),
            new TrainingFileAnalysisOptions { PricePerMillionTokens = pricePerMillionTokens }); // from your price list: the SDK knows no prices
        TrainingFileAnalysis analysis = await analyzer.AnalyzeAsync("train.jsonl"); // streamed, and validated in the same pass

        TokenCountDistribution tokens = analysis.TokenDistribution!;
        Console.WriteLine($"{analysis.ExampleCount} examples: {tokens.Min}-{tokens.Max} tokens, median {tokens.Median}, p95 {tokens.P95}");
        foreach (TrainingExampleTokens example in analysis.ExamplesOverLimit)
        {
            Console.WriteLine($"line {example.LineNumber}: {example.ContextTokens:N0} tokens, over the model's {analysis.MaxTokensPerExample:N0}: truncated");
        }

        Console.WriteLine($"{analysis.Epochs} epochs bill ~{analysis.EstimatedBilledTokens:N0} tokens, about {analysis.EstimatedCost:0.00}");
        #endregion
    }

    public static async Task Paging(TrainingJobsClient client)
    {
        #region Snippet:Paging
        // Items: pages are fetched as you enumerate, at most one page held at a time.
        await foreach (TrainingJob job in client.GetJobsAsync(new TrainingJobListOptions { Tag = "team=nlp", Order = ListSortOrder.Descending }))
        {
            Console.WriteLine($"{job.Name}: {((CommandJob)job.Properties).Status}");
        }

        // Pages: resume later from a continuation token, with a page-size hint.
        string? token = null;
        await foreach (Page<TrainingJob> page in client.GetJobsAsync().AsPages(token, pageSizeHint: 100))
        {
            Console.WriteLine($"{page.Values.Count} jobs");
            token = page.ContinuationToken; // persist it to resume from the next page
            break;
        }
        #endregion
    }

    public static async Task LongRunningOperations(TrainingJobsClient client)
    {
        #region Snippet:LongRunningOperations
        // Start the delete and return at once, or pass WaitUntil.Completed to wait for it.
        TrainingJobOperation delete = await client.DeleteAsync(WaitUntil.Started, "sft-qwen-001");
        string operationId = delete.Id; // keep it to resume in another process

        var resumed = new TrainingJobOperation(client, operationId);
        Response<JobOperationResource> result = await resumed.WaitForCompletionAsync(); // honours Retry-After; throws RequestFailedException if it failed
        Console.WriteLine(result.Value.Status);

        // Waiting for a job (not an operation): poll until it reaches a terminal state.
        TrainingJob finished = await client.WaitForCompletionAsync("sft-qwen-002", pollingInterval: TimeSpan.FromSeconds(30));
        bool succeeded = TrainingJobStatus.IsSuccessful(((CommandJob)finished.Properties).Status); // statuses are open strings
        #endregion
    }

    public static async Task Validation()
    {
        #region Snippet:Validation
        var recipe = new GrpoTrainingConfiguration("Qwen/Qwen2.5-7B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/math/versions/1"),
            new TrainingCompositeRewardConfiguration(Array.Empty<TrainingWeightedRewardConfiguration>())); // a composite needs rewards
        var job = new CommandJob(computeId: "gpu-cluster") { Training = recipe, Command = "python train.py" }; // command and training exclude each other

        foreach (ValidationProblem problem in job.Validate().Problems)
        {
            Console.WriteLine($"{problem.Path}: {problem.Message}"); // e.g. "$.training.reward.rewards: ..."
        }

        // Training files, before upload: streamed, constant memory, line-numbered problems.
        TrainingFileValidationResult file = await new TrainingFileValidator().ValidateAsync("train.jsonl");
        foreach (TrainingFileProblem problem in file.Problems)
        {
            Console.WriteLine(problem); // "line 12: MissingAssistantTurn: ..."
        }
        #endregion
    }

    public static void Resilience(Uri projectEndpoint)
    {
        #region Snippet:Resilience
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 5;                          // 408/429/5xx and transport failures, with jitter
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);     // cap on any single wait, Retry-After included
        options.ResiliencePipeline = new ResiliencePipelineBuilder<Response>()
            .AddTimeout(TimeSpan.FromMinutes(2))               // per call, retries included
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Response>
            {
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is RequestFailedException { Status: >= 500 }),
            })
            .Build();

        var client = new TrainingJobsClient(projectEndpoint, new DefaultAzureCredential(), options);
        #endregion
    }

    public static async Task Mocking()
    {
        #region Snippet:Mocking
        // Every client has an interface and virtual members; model factories build the read-only models.
        TrainingJob running = TrainingModelFactory.TrainingJob(
            name: "sft-qwen-001", properties: TrainingModelFactory.CommandJob(computeId: "gpu-cluster", status: "Running"));

        var client = new Mock<ITrainingJobsClient>();
        client.Setup(c => c.GetAsync("sft-qwen-001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(running, Mock.Of<Response>()));

        TrainingJob job = await client.Object.GetAsync("sft-qwen-001"); // your code under test takes ITrainingJobsClient
        #endregion
        ((CommandJob)job.Properties).Status.Should().Be("Running");
    }

    public static async Task<TrainingJob> Emulator()
    {
        #region Snippet:Emulator
        await using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(50) });
        TrainingJobsClient client = emulator.CreateTrainingJobsClient(); // or new TrainingJobsClient(emulator.Endpoint, emulator.Credential)
        emulator.Faults.TooManyRequests(count: 2, retryAfter: TimeSpan.FromMilliseconds(10)); // the client's retries absorb them

        var recipe = new SftTrainingConfiguration("Qwen/Qwen2.5-0.5B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/tiny/versions/1"));
        await client.CreateAsync("test-job", new CommandJob(computeId: "gpu-cluster") { Training = recipe });
        TrainingJob done = await client.WaitForCompletionAsync("test-job", pollingInterval: TimeSpan.FromMilliseconds(50));
        // ((CommandJob)done.Properties).Status is "Completed"; tag a job "emulator.outcome" = "failed" to see a failure.
        #endregion
        return done;
    }

    public static CommandJob Serialization(TrainingJob job)
    {
        #region Snippet:Serialization
        // Persist and load models the Azure SDK way; pass the context to stay trim- and Native AOT-safe.
        BinaryData saved = ModelReaderWriter.Write(job, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default);
        TrainingJob loaded = ModelReaderWriter.Read<TrainingJob>(saved, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default)!;

        // Or with System.Text.Json-style calls; both keep unknown properties and kinds.
        string json = FoundryTrainingSerializer.Serialize(loaded.Properties);
        CommandJob command = FoundryTrainingSerializer.Deserialize<CommandJob>(json)!;
        #endregion
        return command;
    }

    public static void DependencyInjection(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        #region Snippet:DependencyInjection
        services.AddAzureClients(builder =>
        {
            builder.AddTrainingJobsClient(configuration.GetSection("TrainingJobs"));      // { "endpoint": "https://..." }
            builder.AddFineTuningClient(new Uri("https://myresource.openai.azure.com"))
                .ConfigureOptions(options => options.Retry.MaxRetries = 5);
            builder.UseCredential(new DefaultAzureCredential());
        });
        // Inject TrainingJobsClient / FineTuningClient, or IAzureClientFactory<T> for named registrations.
        #endregion
    }

    public static async Task FollowLogs(TrainingJobsClient client, string? savedPosition, CancellationToken cancellationToken)
    {
        #region Snippet:FollowLogs
        // Every line of the job's log files (user_logs/, system_logs/, logs/), each once, as they are written: from
        // the latest attempt on, until the job ends. A line's Position resumes the stream after it, even in another
        // process: no line is repeated or lost.
        TrainingLogPosition? resumeFrom = savedPosition is null ? null : TrainingLogPosition.Parse(savedPosition);
        await foreach (TrainingLogLine line in client.StreamLogsAsync("sft-qwen-001", resumeFrom: resumeFrom, cancellationToken: cancellationToken))
        {
            Console.WriteLine($"[{line.Path}] {line.Text}");
            savedPosition = line.Position.ToString();
        }

        // Or: the log files of an attempt, and status, metrics and log lines in one stream.
        IReadOnlyList<TrainingLogFile> files = await client.GetLogsAsync("sft-qwen-001", cancellationToken: cancellationToken);
        var options = new TrainingJobWatchOptions { IncludeLogs = true };
        await foreach (TrainingJobUpdate update in client.WatchAsync("sft-qwen-001", options, cancellationToken))
        {
            if (update.Kind == TrainingJobUpdateKind.LogLine)
            {
                Console.WriteLine(update.LogLine!.Text);
            }
        }
        #endregion
    }

    public static async Task FollowWatch(TrainingJobsClient client, CancellationToken cancellationToken)
    {
        #region Snippet:FollowWatch
        // Status changes and each new metric point, from the latest attempt on, polled for you (every 10 s, or as the
        // service's Retry-After asks); the loop ends when the job reaches Completed, Failed or Canceled.
        await foreach (TrainingJobUpdate update in client.WatchAsync("sft-qwen-001", pollingInterval: TimeSpan.FromSeconds(30), cancellationToken))
        {
            if (update.Kind == TrainingJobUpdateKind.StatusChanged)
            {
                Console.WriteLine($"status: {update.Status}");
            }
            else if (update.MetricName == "train/loss")
            {
                Console.WriteLine($"loss at step {update.Point!.Step}: {update.Point.Value}");
            }
        }
        #endregion
    }

    public static void FollowWebhooks(WebApplication app, ConcurrentDictionary<string, bool> handled, ChannelWriter<string> finishedJobs)
    {
        #region Snippet:FollowWebhooks
        var verifier = new WebhookVerifier(app.Configuration["OPENAI_WEBHOOK_SECRET"]!); // whsec_..., shown when you create the endpoint

        app.MapPost("/webhooks/openai", async (HttpRequest request) =>
        {
            BinaryData body = await BinaryData.FromStreamAsync(request.Body); // the bytes as received: the signature covers them
            FineTuningWebhookEvent webhookEvent;
            try
            {
                webhookEvent = verifier.Unwrap(name => request.Headers[name], body);
            }
            catch (WebhookVerificationException)
            {
                return Results.BadRequest(); // forged, tampered, older than 5 minutes, or not an event
            }

            // The platform retries until it gets a 2xx, with the same event id: handle each id once, and answer quickly.
            if (webhookEvent is FineTuningJobSucceededEvent succeeded && handled.TryAdd(succeeded.Id, true))
            {
                await finishedJobs.WriteAsync(succeeded.JobId); // elsewhere: GetJobAsync for its FineTunedModel and result files
            }

            return Results.Ok(); // failed and cancelled jobs have their events too; other types arrive as UnknownFineTuningWebhookEvent
        });
        #endregion
    }
}
