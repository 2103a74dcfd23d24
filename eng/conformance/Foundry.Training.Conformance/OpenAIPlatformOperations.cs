using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Azure;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>Every SDK operation against the OpenAI platform spec: its fine-tuning job, file and model operations.</summary>
internal static class OpenAIPlatformOperations
{
    private const string Id = "[^/]+";

    // CreateFileRequest: file, purpose (enum), expires_after; additionalProperties: false.
    private static readonly string[] s_purposes = { "assistants", "batch", "fine-tune", "vision", "user_data", "evals" };
    private static readonly string[] s_formFields = { "file", "purpose", "expires_after" };

    public static IReadOnlyList<ConformanceOperation> All { get; } = Create();

    private static List<ConformanceOperation> Create()
    {
        byte[] training = Encoding.UTF8.GetBytes(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n");

        var list = new List<ConformanceOperation>
        {
            // Files
            new()
            {
                Name = "FineTuningFilesClient.Upload (stream)", SpecOperation = "createFile", Method = "POST", PathPattern = "^/files$",
                CheckRequest = e => MultipartCheck.Check(e, s_purposes, s_formFields, "fine-tune", "train.jsonl", training),
                Body = async (c, async, ct) =>
                {
                    using var stream = new MemoryStream(training);
                    Response<FineTuningFile> r = async
                        ? await c.Files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune, cancellationToken: ct)
                        : c.Files.Upload(stream, "train.jsonl", FilePurpose.FineTune, cancellationToken: ct);
                    return AzureOpenAIOperations.Describe(r.Value);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Upload (path)", SpecOperation = "createFile", Method = "POST", PathPattern = "^/files$",
                CheckRequest = e => MultipartCheck.Check(e, s_purposes, s_formFields, "fine-tune", "train.jsonl", training),
                Body = async (c, async, ct) =>
                {
                    string path = Path.Combine(c.WorkDirectory, "train.jsonl");
                    await File.WriteAllBytesAsync(path, training, ct);
                    Response<FineTuningFile> r = async
                        ? await c.Files.UploadAsync(path, FilePurpose.FineTune, cancellationToken: ct)
                        : c.Files.Upload(path, FilePurpose.FineTune, cancellationToken: ct);
                    return AzureOpenAIOperations.Describe(r.Value);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Get", SpecOperation = "retrieveFile", Method = "GET", PathPattern = "^/files/" + Id + "$",
                Body = async (c, async, ct) => AzureOpenAIOperations.Describe((async ? await c.Files.GetAsync(c.Fixture.FileId, ct) : c.Files.Get(c.Fixture.FileId, ct)).Value),
            },
            new()
            {
                Name = "FineTuningFilesClient.GetFiles (purpose, limit, order, after)", SpecOperation = "listFiles", Method = "GET", PathPattern = "^/files$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningFileListOptions { Purpose = FilePurpose.FineTune, Limit = 2, Order = ListSortOrder.Descending, After = c.Fixture.IsEmulator ? null : "file-previous" };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Files.GetFilesAsync(options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Files.GetFiles(options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.DownloadContent", SpecOperation = "downloadFile", Method = "GET", PathPattern = "^/files/" + Id + "/content$",
                Body = async (c, async, ct) =>
                {
                    Response<Stream> r = async ? await c.Files.DownloadContentAsync(c.Fixture.FileId, ct) : c.Files.DownloadContent(c.Fixture.FileId, ct);
                    return (await OperationContext.DrainAsync(r.Value, async, ct)) + " byte(s)";
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.Delete", SpecOperation = "deleteFile", Method = "DELETE", PathPattern = "^/files/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    string file = await c.Fixture.NewFileAsync(ct);
                    return "status " + (async ? await c.Files.DeleteAsync(file, ct) : c.Files.Delete(file, ct)).GetRawResponse().Status;
                },
            },
            new()
            {
                Name = "FineTuningFilesClient.WaitForProcessed", SpecOperation = "retrieveFile", Method = "GET", PathPattern = "^/files/" + Id + "$",
                Body = (c, async, ct) => c.PollAsync(
                    3,
                    async t => async ? await c.Files.WaitForProcessedAsync(c.Fixture.FileId, TimeSpan.FromMilliseconds(10), t) : c.Files.WaitForProcessed(c.Fixture.FileId, TimeSpan.FromMilliseconds(10), t),
                    r => AzureOpenAIOperations.Describe(r.Value),
                    ct),
            },
            new()
            {
                Name = "FineTuningFilesClient.Import", SpecOperation = null, Method = "POST", PathPattern = "^/files/import$",
                Body = async (c, async, ct) =>
                {
                    var import = new FineTuningFileImport(new Uri("https://example.com/train.jsonl"), "train.jsonl", FilePurpose.FineTune);
                    return AzureOpenAIOperations.Describe((async ? await c.Files.ImportAsync(import, ct) : c.Files.Import(import, ct)).Value);
                },
            },

            // Fine-tuning jobs: reads and actions
            new()
            {
                Name = "FineTuningClient.GetJob", SpecOperation = "retrieveFineTuningJob", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = async (c, async, ct) => AzureOpenAIOperations.Describe((async ? await c.Client.GetJobAsync(c.Fixture.JobId, ct) : c.Client.GetJob(c.Fixture.JobId, ct)).Value),
            },
            new()
            {
                Name = "FineTuningClient.GetJobs (limit, after, metadata)", SpecOperation = "listPaginatedFineTuningJobs", Method = "GET", PathPattern = "^/fine_tuning/jobs$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningJobListOptions { Limit = 2, After = c.Fixture.IsEmulator ? null : "ftjob-previous" };
                    options.Metadata["team"] = "conformance";
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Client.GetJobsAsync(options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Client.GetJobs(options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningClient.CancelJob", SpecOperation = "cancelFineTuningJob", Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/cancel$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewRunningJobAsync(ct);
                    return AzureOpenAIOperations.Describe((async ? await c.Client.CancelJobAsync(job, ct) : c.Client.CancelJob(job, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.PauseJob", SpecOperation = "pauseFineTuningJob", Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/pause$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewRunningJobAsync(ct);
                    return AzureOpenAIOperations.Describe((async ? await c.Client.PauseJobAsync(job, ct) : c.Client.PauseJob(job, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.ResumeJob", SpecOperation = "resumeFineTuningJob", Method = "POST", PathPattern = "^/fine_tuning/jobs/" + Id + "/resume$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewPausedJobAsync(ct);
                    return AzureOpenAIOperations.Describe((async ? await c.Client.ResumeJobAsync(job, ct) : c.Client.ResumeJob(job, ct)).Value);
                },
            },
            new()
            {
                Name = "FineTuningClient.GetJobEvents (limit, after)", SpecOperation = "listFineTuningEvents", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "/events$",
                Body = async (c, async, ct) =>
                {
                    var options = new FineTuningListOptions { Limit = 5, After = c.Fixture.IsEmulator ? null : "ftevent-previous" };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Client.GetJobEventsAsync(c.Fixture.JobId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Client.GetJobEvents(c.Fixture.JobId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "FineTuningClient.GetJobCheckpoints (limit)", SpecOperation = "listFineTuningJobCheckpoints", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "/checkpoints$",
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
                Name = "FineTuningClient.WaitForCompletion", SpecOperation = "retrieveFineTuningJob", Method = "GET", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = (c, async, ct) => c.PollAsync(
                    3,
                    async t => async ? await c.Client.WaitForCompletionAsync(c.Fixture.JobId, TimeSpan.FromMilliseconds(10), t) : c.Client.WaitForCompletion(c.Fixture.JobId, TimeSpan.FromMilliseconds(10), t),
                    r => AzureOpenAIOperations.Describe(r.Value),
                    ct),
            },
            new()
            {
                Name = "FineTuningClient.DeleteJob", SpecOperation = null, Method = "DELETE", PathPattern = "^/fine_tuning/jobs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    string job = await c.Fixture.NewFinishedJobAsync(ct);
                    return "status " + (async ? await c.Client.DeleteJobAsync(job, ct) : c.Client.DeleteJob(job, ct)).Status;
                },
            },

            // Models
            new()
            {
                Name = "FineTuningModelsClient.GetModels", SpecOperation = "listModels", Method = "GET", PathPattern = "^/models$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Models.GetModelsAsync(ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Models.GetModels(ct), maxPages: 3),
            },
            new()
            {
                Name = "FineTuningModelsClient.GetModel", SpecOperation = "retrieveModel", Method = "GET", PathPattern = "^/models/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    FineTuningModel model = (async ? await c.Models.GetModelAsync(c.Fixture.ModelId, ct) : c.Models.GetModel(c.Fixture.ModelId, ct)).Value;
                    return $"model {model.Id}";
                },
            },

            // Ingestion jobs are Azure OpenAI only.
            new()
            {
                Name = "IngestionJobsClient.CreateJob", SpecOperation = null, Method = "PUT", PathPattern = "^/ingestion/jobs/" + Id + "$",
                Body = async (c, async, ct) =>
                {
                    var job = new SystemComputeIngestionJob { DataRefreshIntervalInHours = 1 };
                    return AzureOpenAIOperations.Describe((async ? await c.Ingestion.CreateJobAsync("ingestion-1", job, cancellationToken: ct) : c.Ingestion.CreateJob("ingestion-1", job, cancellationToken: ct)).Value);
                },
            },
            new()
            {
                Name = "IngestionJobsClient.GetJob", SpecOperation = null, Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "$",
                Body = async (c, async, ct) => AzureOpenAIOperations.Describe((async ? await c.Ingestion.GetJobAsync("ingestion-1", ct) : c.Ingestion.GetJob("ingestion-1", ct)).Value),
            },
            new()
            {
                Name = "IngestionJobsClient.GetJobs", SpecOperation = null, Method = "GET", PathPattern = "^/ingestion/jobs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Ingestion.GetJobsAsync(cancellationToken: ct), maxPages: 1)
                    : OperationContext.ReadPages(c.Ingestion.GetJobs(cancellationToken: ct), maxPages: 1),
            },
            new()
            {
                Name = "IngestionJobsClient.GetRuns", SpecOperation = null, Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "/runs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Ingestion.GetRunsAsync("ingestion-1", cancellationToken: ct), maxPages: 1)
                    : OperationContext.ReadPages(c.Ingestion.GetRuns("ingestion-1", cancellationToken: ct), maxPages: 1),
            },
            new()
            {
                Name = "IngestionJobsClient.GetRun", SpecOperation = null, Method = "GET", PathPattern = "^/ingestion/jobs/" + Id + "/runs/" + Id + "$",
                Body = async (c, async, ct) => "run " + (async ? await c.Ingestion.GetRunAsync("ingestion-1", "run-1", cancellationToken: ct) : c.Ingestion.GetRun("ingestion-1", "run-1", cancellationToken: ct)).Value.RunId,
            },
        };

        // Fine-tuning jobs: one create per request shape the spec allows.
        foreach ((string variant, Func<Fixture, FineTuningJobCreateOptions> build) in CreateVariants())
        {
            list.Add(new ConformanceOperation
            {
                Name = "FineTuningClient.CreateJob (" + variant + ")", SpecOperation = "createFineTuningJob", Method = "POST", PathPattern = "^/fine_tuning/jobs$",
                Body = async (c, async, ct) =>
                {
                    FineTuningJobCreateOptions options = build(c.Fixture);
                    return AzureOpenAIOperations.Describe((async ? await c.Client.CreateJobAsync(options, ct) : c.Client.CreateJob(options, ct)).Value);
                },
            });
        }

        return list;
    }

    private static IEnumerable<(string Variant, Func<Fixture, FineTuningJobCreateOptions> Build)> CreateVariants()
    {
        yield return ("required fields", f => new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", f.FileId));
        yield return ("legacy hyperparameters", f => new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", f.FileId)
        {
            Hyperparameters = new FineTuningHyperparameters { EpochCount = 3, BatchSize = FineTuningHyperparameterValue.Auto, LearningRateMultiplier = 1.8 },
        });
        yield return ("supervised, suffix, seed, validation, wandb, metadata", f =>
        {
            var options = new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", f.FileId)
            {
                ValidationFile = f.FileId,
                Suffix = "conformance",
                Seed = 7,
                Method = FineTuningMethod.CreateSupervised(new FineTuningHyperparameters { EpochCount = FineTuningHyperparameterValue.Auto, BatchSize = 4, LearningRateMultiplier = 0.1 }),
            };
            var wandb = new WandbIntegration("my-project") { Name = "run-1", Entity = "team" };
            wandb.Tags.Add("conformance");
            options.Integrations.Add(new FineTuningIntegration(wandb));
            options.Metadata["team"] = "conformance";
            return options;
        });
        yield return ("dpo", f => new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", f.PreferenceFileId)
        {
            Method = FineTuningMethod.CreateDpo(new DpoHyperparameters { Beta = 0.1, EpochCount = 2, BatchSize = FineTuningHyperparameterValue.Auto, LearningRateMultiplier = FineTuningHyperparameterValue.Auto }),
        });
        yield return ("reinforcement, string_check grader", f => Reinforcement(f, new StringCheckGrader
        {
            Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.label}}", Operation = StringCheckOperation.Equal,
        }));
        yield return ("reinforcement, text_similarity grader", f => Reinforcement(f, new TextSimilarityGrader
        {
            Name = "similar", Input = "{{sample.output_text}}", Reference = "{{item.label}}", EvaluationMetric = TextSimilarityMetric.FuzzyMatch,
        }));
        yield return ("reinforcement, python grader", f => Reinforcement(f, new PythonGrader
        {
            Name = "python", Source = "def grade(sample, item):\n    return 1.0\n", ImageTag = "2025-05-08",
        }));
        yield return ("reinforcement, score_model grader", f =>
        {
            var grader = new ScoreModelGrader
            {
                Name = "judge", Model = "gpt-4o-2024-08-06",
                SamplingParameters = new ScoreModelSamplingParameters { Seed = 1, Temperature = 0.2, TopP = 1, MaxCompletionsTokens = 256, ReasoningEffort = ReasoningEffort.Low },
            };
            grader.Input.Add(new GraderInputMessage(GraderMessageRole.User, "Score {{sample.output_text}} against {{item.label}}"));
            grader.Range.Add(0);
            grader.Range.Add(1);
            return Reinforcement(f, grader);
        });
        yield return ("reinforcement, multi grader with label_model", f =>
        {
            var label = new LabelModelGrader { Name = "sentiment", Model = "gpt-4o-2024-08-06" };
            label.Input.Add(new GraderInputMessage(GraderMessageRole.System, "Classify {{item.response}}"));
            label.Labels.Add("positive");
            label.Labels.Add("negative");
            label.PassingLabels.Add("positive");
            return Reinforcement(f, new MultiGrader { Name = "combined", Graders = label, CalculateOutput = "sentiment" });
        });
        yield return ("reinforcement hyperparameters", f =>
        {
            var options = Reinforcement(f, new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.label}}", Operation = StringCheckOperation.ILike });
            options.Method!.Reinforcement!.Hyperparameters = new ReinforcementHyperparameters
            {
                EpochCount = 1, BatchSize = FineTuningHyperparameterValue.Auto, LearningRateMultiplier = 2,
                ReasoningEffort = ReasoningEffort.Medium, ComputeMultiplier = 1.5, EvalInterval = 10, EvalSamples = FineTuningHyperparameterValue.Auto,
            };
            return options;
        });
    }

    private static FineTuningJobCreateOptions Reinforcement(Fixture f, FineTuningGrader grader) =>
        new("o4-mini-2025-04-16", f.FileId) { Method = FineTuningMethod.CreateReinforcement(grader) };
}
