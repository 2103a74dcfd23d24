using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Azure;
using Foundry.Training.Jobs;

namespace Foundry.Training.Conformance;

/// <summary>
/// Every <see cref="TrainingJobsClient"/> operation against the Foundry training jobs spec compiled from
/// routes.later-revision.tsp: its 29 operations, and <c>GetServices</c>, whose route only routes.tsp has.
/// </summary>
internal static class FoundryOperations
{
    private const string Id = "[^/]+";
    private const string Job = "^/training_jobs/" + Id;
    private const string Attempt = Job + "/attempts/" + Id;
    private const string MadeUpLocations = "a mock's polling URLs are made up";

    private static readonly string[] s_responseOnly = { ServiceNames.Response };
    private static int s_names;

    public static IReadOnlyList<ConformanceOperation> All { get; } = Create();

    /// <summary>A fresh job name (a create through a proxy makes a real job, once per twin).</summary>
    private static string NewName(string prefix) => prefix + "-" + Interlocked.Increment(ref s_names);

    /// <summary>Every metric point, whatever clock the emulator runs on.</summary>
    private static MetricQueryOptions FullRange(int? limit = 2) => new()
    {
        StartedAt = DateTimeOffset.UtcNow.AddDays(-1),
        EndedAt = DateTimeOffset.UtcNow.AddDays(1),
        MinStep = 1,
        MaxStep = 1000,
        Limit = limit,
    };

    private static List<ConformanceOperation> Create()
    {
        var list = new List<ConformanceOperation>
        {
            // Jobs
            new()
            {
                Name = "TrainingJobsClient.Create (SFT recipe, LoRA, eval)", SpecOperation = "TrainingJobs_create", Method = "POST", PathPattern = "^/training_jobs$",
                Body = async (c, async, ct) =>
                {
                    CommandJob job = EmulatorFixtures.Recipe(c.Fixture.ComputeId);
                    string name = NewName("conformance-sft");
                    return Describe((async ? await c.Jobs.CreateAsync(name, job, ct) : c.Jobs.Create(name, job, ct)).Value);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Create (GRPO, composite reward, rollout)", SpecOperation = "TrainingJobs_create", Method = "POST", PathPattern = "^/training_jobs$",
                Body = async (c, async, ct) =>
                {
                    CommandJob job = GrpoJob(c.Fixture.ComputeId);
                    string name = NewName("conformance-grpo");
                    return Describe((async ? await c.Jobs.CreateAsync(name, job, ct) : c.Jobs.Create(name, job, ct)).Value);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Create (command job, every field)", SpecOperation = "TrainingJobs_create", Method = "POST", PathPattern = "^/training_jobs$",
                Body = async (c, async, ct) =>
                {
                    CommandJob job = EveryField(c.Fixture.ComputeId);
                    string name = NewName("conformance-command");
                    return Describe((async ? await c.Jobs.CreateAsync(name, job, ct) : c.Jobs.Create(name, job, ct)).Value);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Get", SpecOperation = "TrainingJobs_get", Method = "GET", PathPattern = Job + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetAsync(c.Fixture.TrainingJob, ct) : c.Jobs.Get(c.Fixture.TrainingJob, ct)).Value),
            },
            new()
            {
                Name = "TrainingJobsClient.GetJobs (limit, order, after, filters)", SpecOperation = "TrainingJobs_list", Method = "GET", PathPattern = "^/training_jobs$",
                Body = async (c, async, ct) =>
                {
                    var options = new TrainingJobListOptions
                    {
                        Limit = 2,
                        Order = ListSortOrder.Descending,
                        After = c.Fixture.IsEmulator ? null : "job-previous",
                        JobType = JobType.Command,
                        Tag = c.Fixture.IsEmulator ? null : "team=conformance",
                        ListViewType = ListViewType.ActiveOnly,
                        Properties = c.Fixture.IsEmulator ? null : "stage",
                    };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Jobs.GetJobsAsync(options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Jobs.GetJobs(options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Delete (started)", SpecOperation = "TrainingJobs_beginDelete", Method = "DELETE", PathPattern = Job + "$",
                Body = async (c, async, ct) =>
                {
                    string name = await c.Fixture.NewTrainingJobAsync(ct);
                    TrainingJobOperation operation = async ? await c.Jobs.DeleteAsync(WaitUntil.Started, name, ct) : c.Jobs.Delete(WaitUntil.Started, name, ct);
                    return $"operation {operation.Id} (completed: {operation.HasCompleted})";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Delete (completed)", SpecOperation = "TrainingJobs_beginDelete", Method = null, PathPattern = Job + "$|^/training_jobs/operations/" + Id + "/(status|result)$",
                Directions = s_responseOnly, OneDirectionReason = MadeUpLocations,
                Body = async (c, async, ct) =>
                {
                    string name = await c.Fixture.NewTrainingJobAsync(ct);
                    using IDisposable time = c.Fixture.LetTimePass();
                    TrainingJobOperation operation = async ? await c.Jobs.DeleteAsync(WaitUntil.Completed, name, ct) : c.Jobs.Delete(WaitUntil.Completed, name, ct);
                    return $"operation {operation.Id}: {operation.Value.Status}";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Cancel (started)", SpecOperation = "TrainingJobs_beginCancel", Method = "POST", PathPattern = Job + ":cancel$",
                Body = async (c, async, ct) =>
                {
                    string name = await c.Fixture.NewTrainingJobAsync(ct);
                    TrainingJobOperation operation = async ? await c.Jobs.CancelAsync(WaitUntil.Started, name, ct) : c.Jobs.Cancel(WaitUntil.Started, name, ct);
                    return $"operation {operation.Id} (completed: {operation.HasCompleted})";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.Cancel (completed)", SpecOperation = "TrainingJobs_beginCancel", Method = null, PathPattern = Job + ":cancel$|^/training_jobs/operations/" + Id + "/(status|result)$",
                Directions = s_responseOnly, OneDirectionReason = MadeUpLocations,
                Body = async (c, async, ct) =>
                {
                    string name = await c.Fixture.NewTrainingJobAsync(ct);
                    using IDisposable time = c.Fixture.LetTimePass();
                    TrainingJobOperation operation = async ? await c.Jobs.CancelAsync(WaitUntil.Completed, name, ct) : c.Jobs.Cancel(WaitUntil.Completed, name, ct);
                    return $"operation {operation.Id}: {operation.Value.Status}";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetOperationStatus", SpecOperation = "TrainingJobOperations_getOperationStatus", Method = "GET", PathPattern = "^/training_jobs/operations/" + Id + "/status$",
                Body = async (c, async, ct) => "operation " + (async ? await c.Jobs.GetOperationStatusAsync(c.Fixture.OperationId, ct) : c.Jobs.GetOperationStatus(c.Fixture.OperationId, ct)).Value.Status,
            },
            new()
            {
                Name = "TrainingJobsClient.GetOperationResult", SpecOperation = "TrainingJobOperations_getOperationResult", Method = "GET", PathPattern = "^/training_jobs/operations/" + Id + "/result$",
                Body = async (c, async, ct) => "operation " + (async ? await c.Jobs.GetOperationResultAsync(c.Fixture.OperationId, ct) : c.Jobs.GetOperationResult(c.Fixture.OperationId, ct)).Value.Status,
            },
            new()
            {
                Name = "TrainingJobsClient.WaitForCompletion", SpecOperation = "TrainingJobs_get", Method = "GET", PathPattern = Job + "$",
                Body = (c, async, ct) => c.PollAsync(
                    3,
                    async t => async ? await c.Jobs.WaitForCompletionAsync(c.Fixture.TrainingJob, TimeSpan.FromMilliseconds(10), t) : c.Jobs.WaitForCompletion(c.Fixture.TrainingJob, TimeSpan.FromMilliseconds(10), t),
                    r => Describe(r.Value),
                    ct),
            },
            new()
            {
                // Async only: watching is an IAsyncEnumerable.
                Name = "TrainingJobsClient.Watch", SpecOperation = "TrainingJobs_get", Method = "GET",
                PathPattern = Job + "$|" + Attempt + "$|" + Attempt + "/metrics(/" + Id + ")?$", AsyncOnly = true,
                Body = (c, async, ct) => c.PollAsync(
                    12,
                    async t =>
                    {
                        int updates = 0;
                        await foreach (TrainingJobUpdate update in c.Jobs.WatchAsync(c.Fixture.TrainingJob, TimeSpan.FromMilliseconds(10), t))
                        {
                            updates++;
                        }

                        return updates;
                    },
                    updates => updates + " update(s)",
                    ct),
            },

            // Attempts
            new()
            {
                Name = "TrainingJobsClient.GetAttempts (limit, order, after, before)", SpecOperation = "TrainingJobAttempts_listAttempts", Method = "GET", PathPattern = Job + "/attempts$",
                Body = async (c, async, ct) =>
                {
                    var options = new TrainingListOptions { Limit = 5, Order = ListSortOrder.Ascending, After = c.Fixture.IsEmulator ? null : "0", Before = c.Fixture.IsEmulator ? null : "9" };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Jobs.GetAttemptsAsync(c.Fixture.TrainingJob, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Jobs.GetAttempts(c.Fixture.TrainingJob, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttempt", SpecOperation = "TrainingJobAttempts_getAttempt", Method = "GET", PathPattern = Attempt + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetAttemptAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct) : c.Jobs.GetAttempt(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct)).Value),
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttempt (latest)", SpecOperation = "TrainingJobAttempts_getAttempt", Method = "GET", PathPattern = Job + "/attempts/latest$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetAttemptAsync(c.Fixture.TrainingJob, TrainingJobsClient.LatestAttempt, ct) : c.Jobs.GetAttempt(c.Fixture.TrainingJob, TrainingJobsClient.LatestAttempt, ct)).Value),
            },

            // Artifacts
            new()
            {
                Name = "TrainingJobsClient.GetArtifacts (limit, order, path_prefix)", SpecOperation = "TrainingJobAttemptArtifacts_listAttemptArtifacts", Method = "GET", PathPattern = Attempt + "/artifacts$",
                Body = async (c, async, ct) =>
                {
                    var options = new ArtifactListOptions { Limit = 2, Order = ListSortOrder.Ascending, PathPrefix = c.Fixture.ArtifactPrefix };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Jobs.GetArtifactsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Jobs.GetArtifacts(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetArtifactMetadata", SpecOperation = "TrainingJobAttemptArtifacts_getAttemptArtifactMetadata", Method = "GET", PathPattern = Attempt + "/artifacts/metadata$",
                Body = async (c, async, ct) =>
                {
                    JobArtifact artifact = (async
                        ? await c.Jobs.GetArtifactMetadataAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct)
                        : c.Jobs.GetArtifactMetadata(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct)).Value;
                    return $"{artifact.Type} {artifact.Path} ({artifact.Size} bytes)";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetArtifactContentInfo", SpecOperation = "TrainingJobAttemptArtifacts_getAttemptArtifactContentInfo", Method = "GET", PathPattern = Attempt + "/artifacts/content_info$",
                Body = async (c, async, ct) =>
                {
                    JobArtifactContentInfo info = (async
                        ? await c.Jobs.GetArtifactContentInfoAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct)
                        : c.Jobs.GetArtifactContentInfo(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct)).Value;
                    return $"{info.Path} ({info.ContentType})";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetArtifactContentInfos (limit, path_prefix)", SpecOperation = "TrainingJobAttemptArtifacts_getAttemptArtifactContentInfoByPrefix", Method = "GET", PathPattern = Attempt + "/artifacts/content_info_by_prefix$",
                Body = async (c, async, ct) =>
                {
                    var options = new ArtifactListOptions { Limit = 2, PathPrefix = c.Fixture.ArtifactPrefix };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Jobs.GetArtifactContentInfosAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Jobs.GetArtifactContentInfos(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.DownloadArtifact", SpecOperation = "TrainingJobAttemptArtifacts_downloadAttemptArtifact", Method = "GET", PathPattern = Attempt + "/artifacts/content$",
                Body = async (c, async, ct) =>
                {
                    Response<Stream> r = async
                        ? await c.Jobs.DownloadArtifactAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct)
                        : c.Jobs.DownloadArtifact(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.ArtifactPath, ct);
                    return (await OperationContext.DrainAsync(r.Value, async, ct)) + " byte(s)";
                },
            },
            new()
            {
                // The files themselves come from the pre-signed content URIs (blob storage, on the emulator): no spec applies.
                Name = "TrainingJobsClient.DownloadArtifacts", SpecOperation = "TrainingJobAttemptArtifacts_getAttemptArtifactContentInfoByPrefix", Method = "GET", PathPattern = Attempt + "/artifacts/content_info_by_prefix$",
                Directions = s_responseOnly, OneDirectionReason = "a mock's content URIs point nowhere", AllowsExternal = true,
                Body = async (c, async, ct) =>
                {
                    string folder = Path.Combine(c.WorkDirectory, NewName("artifacts"));
                    IReadOnlyList<DownloadedArtifact> files = async
                        ? await c.Jobs.DownloadArtifactsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, folder, c.Fixture.ArtifactPrefix, cancellationToken: ct)
                        : c.Jobs.DownloadArtifacts(c.Fixture.TrainingJob, c.Fixture.AttemptId, folder, c.Fixture.ArtifactPrefix, cancellationToken: ct);
                    return $"{files.Count} file(s), {files.Sum(f => f.Length)} bytes";
                },
            },

            // Metrics
            new()
            {
                Name = "TrainingJobsClient.GetMetrics (limit, order)", SpecOperation = "TrainingJobAttemptMetrics_listAttemptMetrics", Method = "GET", PathPattern = Attempt + "/metrics$",
                Body = async (c, async, ct) =>
                {
                    var options = new TrainingListOptions { Limit = 2, Order = ListSortOrder.Ascending };
                    return async
                        ? await OperationContext.ReadPagesAsync(c.Jobs.GetMetricsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3)
                        : OperationContext.ReadPages(c.Jobs.GetMetrics(c.Fixture.TrainingJob, c.Fixture.AttemptId, options, ct), maxPages: 3);
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetMetricLastValues", SpecOperation = "TrainingJobAttemptMetrics_getAttemptMetricLastValues", Method = "GET", PathPattern = Attempt + "/metrics/last_values$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetMetricLastValuesAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetMetricLastValues(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetMetricPoints (time and step range, limit)", SpecOperation = "TrainingJobAttemptMetrics_getAttemptMetric", Method = "GET", PathPattern = Attempt + "/metrics/" + Id + "$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetMetricPointsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(), ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetMetricPoints(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(), ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetMetricAggregates (time and step range)", SpecOperation = "TrainingJobAttemptMetrics_getAttemptMetricAggregates", Method = "GET", PathPattern = Attempt + "/metrics/" + Id + "/aggregates$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetMetricAggregatesAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(limit: null), ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetMetricAggregates(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(limit: null), ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetMetricSamples (time and step range, limit)", SpecOperation = "TrainingJobAttemptMetrics_getAttemptMetricSamples", Method = "GET", PathPattern = Attempt + "/metrics/" + Id + "/samples$",
                Body = async (c, async, ct) =>
                {
                    JobMetricSample sample = (async
                        ? await c.Jobs.GetMetricSamplesAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(limit: 3), ct)
                        : c.Jobs.GetMetricSamples(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, FullRange(limit: 3), ct)).Value;
                    return $"{sample.Name}: {sample.Points.Count} point(s)";
                },
            },
            new()
            {
                Name = "TrainingJobsClient.GetMetricSample", SpecOperation = "TrainingJobAttemptMetrics_getAttemptMetricSample", Method = "GET", PathPattern = Attempt + "/metrics/" + Id + "/sample$",
                Body = async (c, async, ct) =>
                {
                    JobMetricSample sample = (async
                        ? await c.Jobs.GetMetricSampleAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, cancellationToken: ct)
                        : c.Jobs.GetMetricSample(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.MetricName, cancellationToken: ct)).Value;
                    return $"{sample.Name}: {sample.Points.Count} point(s)";
                },
            },

            // Inputs (the later revision)
            new()
            {
                Name = "TrainingJobsClient.GetInputs", SpecOperation = "TrainingJobInputs_listInputs", Method = "GET", PathPattern = Job + "/inputs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetInputsAsync(c.Fixture.TrainingJob, ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetInputs(c.Fixture.TrainingJob, ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetInput", SpecOperation = "TrainingJobInputs_getInput", Method = "GET", PathPattern = Job + "/inputs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetInputAsync(c.Fixture.TrainingJob, c.Fixture.InputName, ct) : c.Jobs.GetInput(c.Fixture.TrainingJob, c.Fixture.InputName, ct)).Value),
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttemptInputs", SpecOperation = "TrainingJobAttemptInputs_listAttemptInputs", Method = "GET", PathPattern = Attempt + "/inputs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetAttemptInputsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetAttemptInputs(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttemptInput", SpecOperation = "TrainingJobAttemptInputs_getAttemptInput", Method = "GET", PathPattern = Attempt + "/inputs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async
                    ? await c.Jobs.GetAttemptInputAsync(c.Fixture.TrainingJob, TrainingJobsClient.LatestAttempt, c.Fixture.InputName, ct)
                    : c.Jobs.GetAttemptInput(c.Fixture.TrainingJob, TrainingJobsClient.LatestAttempt, c.Fixture.InputName, ct)).Value),
            },

            // Outputs
            new()
            {
                Name = "TrainingJobsClient.GetOutputs", SpecOperation = "TrainingJobOutputs_listOutputs", Method = "GET", PathPattern = Job + "/outputs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetOutputsAsync(c.Fixture.TrainingJob, ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetOutputs(c.Fixture.TrainingJob, ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetOutput", SpecOperation = "TrainingJobOutputs_getOutput", Method = "GET", PathPattern = Job + "/outputs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetOutputAsync(c.Fixture.TrainingJob, c.Fixture.OutputName, ct) : c.Jobs.GetOutput(c.Fixture.TrainingJob, c.Fixture.OutputName, ct)).Value),
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttemptOutputs", SpecOperation = "TrainingJobAttemptOutputs_listAttemptOutputs", Method = "GET", PathPattern = Attempt + "/outputs$",
                Body = async (c, async, ct) => async
                    ? await OperationContext.ReadPagesAsync(c.Jobs.GetAttemptOutputsAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3)
                    : OperationContext.ReadPages(c.Jobs.GetAttemptOutputs(c.Fixture.TrainingJob, c.Fixture.AttemptId, ct), maxPages: 3),
            },
            new()
            {
                Name = "TrainingJobsClient.GetAttemptOutput", SpecOperation = "TrainingJobAttemptOutputs_getAttemptOutput", Method = "GET", PathPattern = Attempt + "/outputs/" + Id + "$",
                Body = async (c, async, ct) => Describe((async
                    ? await c.Jobs.GetAttemptOutputAsync(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.OutputName, ct)
                    : c.Jobs.GetAttemptOutput(c.Fixture.TrainingJob, c.Fixture.AttemptId, c.Fixture.OutputName, ct)).Value),
            },

            // Services
            new()
            {
                Name = "TrainingJobsClient.GetNodeServices", SpecOperation = "TrainingJobs_showServices", Method = "GET", PathPattern = Job + "/nodes/[0-9]+/services$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetNodeServicesAsync(c.Fixture.TrainingJob, 1, ct) : c.Jobs.GetNodeServices(c.Fixture.TrainingJob, 1, ct)).Value),
            },
            new()
            {
                // routes.tsp's /services?node_id=; the later revision replaced it with /nodes/{node_id}/services.
                Name = "TrainingJobsClient.GetServices (node_id)", SpecOperation = null, Method = "GET", PathPattern = Job + "/services$",
                Body = async (c, async, ct) => Describe((async ? await c.Jobs.GetServicesAsync(c.Fixture.TrainingJob, 1, ct) : c.Jobs.GetServices(c.Fixture.TrainingJob, 1, ct)).Value),
            },
        };

        return list;
    }

    /// <summary>RewardRecipes' recipe: GRPO with a weighted builtin and judge reward, LoRA and vLLM rollouts.</summary>
    private static CommandJob GrpoJob(string computeId)
    {
        var reward = new TrainingCompositeRewardConfiguration(new[]
        {
            new TrainingWeightedRewardConfiguration(new TrainingBuiltinRewardConfiguration(TrainingBuiltinRewardType.MathEquivalence), weight: 0.7),
            new TrainingWeightedRewardConfiguration(new TrainingDeploymentRewardConfiguration("gpt-4o-judge") { Rubric = "Score from 0 to 1." }, weight: 0.3),
        });
        var recipe = new GrpoTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-1.5B-Instruct/versions/1",
            new TrainingDatasetConfiguration("azureai://datasets/gsm8k-train/versions/1"),
            reward)
        {
            Lora = new TrainingLoraConfiguration(16),
            Rollout = new TrainingRolloutConfiguration(TrainingRolloutEngine.Vllm) { NumGenerations = 8, GpuMemoryUtilization = 0.9 },
            Eval = new TrainingEvalConfiguration { Benchmark = TrainingEvalBenchmark.Gsm8k },
            LearningRate = 1e-5,
        };
        return new CommandJob(computeId) { DisplayName = "conformance: GRPO", Training = recipe };
    }

    /// <summary>A command job (no recipe) with every property the create request has.</summary>
    private static CommandJob EveryField(string computeId)
    {
        var job = new CommandJob(computeId)
        {
            Command = "python train.py --data ${{inputs.training_data}} --out ${{outputs.model}}",
            EnvironmentImageReference = "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest",
            DisplayName = "conformance: command job",
            Description = "Every field of a command job.",
            CodeId = "azureai://datasets/code/versions/1",
            Resources = new JobResourceConfiguration { InstanceCount = 2, InstanceType = "Standard_NC24ads_A100_v4", ShmSize = "2g", DockerArgs = "--ipc=host" },
            GpuCount = 2,
            Distribution = new PyTorchDistribution { ProcessCountPerInstance = 1 },
            Limits = new CommandJobLimits { Timeout = TimeSpan.FromHours(2) },
            QueueSettings = new QueueSettings { JobTier = "Standard" },
            UserAssignedIdentityId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id",
        };
        job.Tags["team"] = "conformance";
        job.Properties["stage"] = "test";
        job.EnvironmentVariables["HF_HUB_OFFLINE"] = "1";
        job.Inputs["training_data"] = new JobInput(AssetTypes.UriFolder) { Uri = "azureai://datasets/train/versions/1", Mode = InputOutputModes.ReadOnlyMount };
        job.Inputs["epochs"] = new JobInput(AssetTypes.Literal) { Value = "3" };
        job.Outputs["model"] = new JobOutput(AssetTypes.SafetensorsModel) { Mode = InputOutputModes.Upload, AssetName = "conformance-model", AssetVersion = "1", Description = "The model." };
        job.Resources.Properties["priority"] = JsonValue.Create("high");
        return job;
    }

    private static string Describe(TrainingJob job) => $"job {job.Name} ({(job.Properties as CommandJob)?.Status})";

    private static string Describe(JobAttempt attempt) => $"attempt {attempt.Id} ({attempt.Status}, {attempt.ComputeDuration})";

    private static string Describe(JobExecutionAssetReference input) => $"input {input.Name} ({input.Type}: {input.AssetId})";

    private static string Describe(JobOutputReference output) => $"output {output.Name} ({output.Type}: {output.Uri})";

    private static string Describe(TrainingJobServiceCollection services) => $"services {string.Join(", ", services.Services.Keys)}";
}
