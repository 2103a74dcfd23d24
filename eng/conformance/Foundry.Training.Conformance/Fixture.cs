using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>
/// What the operations act on. Against a mock any id will do, so these are made-up constants; behind a proxy the ids are
/// real resources in the emulator, made beforehand (<see cref="EmulatorFixtures"/>), and an operation that changes or
/// removes a resource asks for a fresh one each time it runs.
/// </summary>
internal sealed class Fixture
{
    private static readonly Func<CancellationToken, Task<string>> s_noop = _ => Task.FromResult("unused");

    /// <summary>Whether the ids are real emulator resources (behind a proxy) rather than made up (against a mock).</summary>
    public bool IsEmulator { get; init; }

    // Fine-tuning (Azure OpenAI and OpenAI).

    /// <summary>A processed training file (chat format).</summary>
    public string FileId { get; init; } = "file-training";

    /// <summary>A processed preference (DPO) training file.</summary>
    public string PreferenceFileId { get; init; } = "file-preferences";

    /// <summary>A succeeded fine-tuning job, with events and checkpoints.</summary>
    public string JobId { get; init; } = "ftjob-conformance";

    /// <summary>A model the service lists.</summary>
    public string ModelId { get; init; } = "gpt-4o-mini-2024-07-18";

    /// <summary>A file nobody else uses, to delete.</summary>
    public Func<CancellationToken, Task<string>> NewFileAsync { get; init; } = s_noop;

    /// <summary>A running job nobody else uses, to cancel, pause or delete.</summary>
    public Func<CancellationToken, Task<string>> NewRunningJobAsync { get; init; } = s_noop;

    /// <summary>A cancelled job nobody else uses, to delete (Azure OpenAI deletes finished jobs only).</summary>
    public Func<CancellationToken, Task<string>> NewFinishedJobAsync { get; init; } = s_noop;

    /// <summary>A paused job nobody else uses, to resume (OpenAI).</summary>
    public Func<CancellationToken, Task<string>> NewPausedJobAsync { get; init; } = s_noop;

    /// <summary>A fine-tuned model checkpoint whose permissions the operations list, create and delete (OpenAI platform).</summary>
    public string Checkpoint { get; init; } = "ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd";

    /// <summary>Makes a pending upload of <see cref="UploadBytes"/> bytes; returns its id.</summary>
    public Func<CancellationToken, Task<string>> NewUploadAsync { get; init; } = _ => Task.FromResult("upload_abc123");

    /// <summary>Makes a pending upload with one part of all its <see cref="UploadBytes"/> bytes; returns both ids.</summary>
    public Func<CancellationToken, Task<(string Upload, string Part)>> NewUploadWithPartAsync { get; init; } = _ => Task.FromResult(("upload_abc123", "part_def456"));

    /// <summary>Shares <see cref="Checkpoint"/> with a fresh project; returns the permission id.</summary>
    public Func<CancellationToken, Task<string>> NewPermissionAsync { get; init; } = _ => Task.FromResult("cp_zc4Q7MP6XxulcVzj4MZdwsAB");

    /// <summary>The size of the uploads the fixture makes.</summary>
    public const int UploadBytes = 16;

    // Azure OpenAI ingestion jobs.

    /// <summary>A system-compute ingestion job (behind a proxy: among a dozen, with a dozen runs, two pages of each).</summary>
    public string IngestionJobId { get; init; } = "ingestion-conformance";

    /// <summary>A run of <see cref="IngestionJobId"/>.</summary>
    public string IngestionRunId { get; init; } = "run-conformance";

    // Foundry training jobs.

    /// <summary>A completed training job with metrics, artifacts, inputs and outputs, on two nodes.</summary>
    public string TrainingJob { get; init; } = "job-conformance";

    public string AttemptId { get; init; } = "1";

    public string MetricName { get; init; } = "train/loss";

    public string ArtifactPath { get; init; } = "outputs/metrics.json";

    public string ArtifactPrefix { get; init; } = "outputs/";

    public string InputName { get; init; } = "prompts";

    public string OutputName { get; init; } = "model";

    public string ComputeId { get; init; } = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/computes/gpu";

    /// <summary>A completed delete or cancel operation.</summary>
    public string OperationId { get; init; } = "op-conformance";

    /// <summary>A running training job nobody else uses, to cancel or delete.</summary>
    public Func<CancellationToken, Task<string>> NewTrainingJobAsync { get; init; } = s_noop;

    // Foundry datasets.

    /// <summary>A dataset with a <c>uri_file</c> version <see cref="DatasetVersion"/> whose data was uploaded.</summary>
    public string DatasetName { get; init; } = "conformance-data";

    public string DatasetVersion { get; init; } = "1";

    /// <summary>A version of <see cref="DatasetName"/> nobody else uses, to delete.</summary>
    public Func<CancellationToken, Task<string>> NewDatasetVersionAsync { get; init; } = _ => Task.FromResult("2");

    /// <summary>Lets the emulator's time pass while the result is not disposed (for waits and long-running operations).</summary>
    public Func<IDisposable> LetTimePass { get; init; } = () => NoTime.Instance;

    /// <summary>The made-up ids for a mock, with a fresh name for each training job it is asked to make.</summary>
    public static Fixture ForMock(string service) => service switch
    {
        ServiceNames.AzureOpenAI => new Fixture
        {
            ModelId = "gpt-35-turbo-0613",
            NewFileAsync = _ => Task.FromResult("file-conformance"),
            NewRunningJobAsync = _ => Task.FromResult("ftjob-conformance"),
            NewFinishedJobAsync = _ => Task.FromResult("ftjob-conformance"),
            NewPausedJobAsync = _ => Task.FromResult("ftjob-conformance"),
        },
        _ => new Fixture
        {
            NewFileAsync = _ => Task.FromResult("file-conformance"),
            NewRunningJobAsync = _ => Task.FromResult("ftjob-conformance"),
            NewFinishedJobAsync = _ => Task.FromResult("ftjob-conformance"),
            NewPausedJobAsync = _ => Task.FromResult("ftjob-conformance"),
            NewTrainingJobAsync = _ => Task.FromResult("job-conformance"),
        },
    };

    private sealed class NoTime : IDisposable
    {
        public static readonly NoTime Instance = new();

        public void Dispose()
        {
        }
    }
}
