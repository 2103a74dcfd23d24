using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// How a <see cref="FoundryTrainingEmulator"/> behaves: how fast jobs advance, how long they train, which of them fail,
/// which base models exist and how much of an uploaded file is kept.
/// </summary>
/// <remarks>
/// <para>
/// Time is counted in steps of <see cref="StepInterval"/>, read from <see cref="TimeProvider"/>. A Foundry training job
/// is <c>Queued</c> for 2 steps, <c>Running</c> for <see cref="TrainingSteps"/> steps (one metric point per metric and
/// step) and then <c>Completed</c>. A fine-tuning job is <c>pending</c> for 2 steps (Azure OpenAI) or
/// <c>validating_files</c> then <c>queued</c> for one step each (OpenAI), <c>running</c> for <see cref="TrainingSteps"/>
/// steps and then <c>succeeded</c>. A file is processed within 2 steps.
/// </para>
/// <para>
/// A job fails halfway through its training steps when it asks to by convention — tag (Foundry) or metadata
/// (fine-tuning) <c>emulator.outcome</c> = <c>failed</c>, or fine-tuning suffix <c>fail</c> — or when
/// <see cref="FailWhen"/> returns true for it.
/// </para>
/// </remarks>
public sealed class FoundryTrainingEmulatorOptions
{
    /// <summary>The tag (Foundry) or metadata key (fine-tuning) whose value <c>failed</c> makes a job fail.</summary>
    public const string OutcomeTag = "emulator.outcome";

    /// <summary>
    /// The tag of a Foundry training job that picks its <see cref="EmulatedJobScenario"/>: <c>retry</c>, <c>preempt</c>
    /// or <c>fail-then-succeed</c> (any case). Another value is rejected at create with <c>400</c>.
    /// </summary>
    public const string ScenarioTag = "emulator.scenario";

    private TimeSpan _stepInterval = TimeSpan.FromMilliseconds(250);
    private int _trainingSteps = 10;
    private long _maxStoredFileBytes = 4 * 1024 * 1024;
    private long _weightsFileBytes = 1024;
    private long? _storageBandwidthPerConnection;
    private Uri? _webhookUrl;
    private string? _webhookSecret;
    private int _webhookMaxAttempts = 5;
    private TimeSpan _webhookRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long one step of every job's life takes. Defaults to 250 milliseconds, so a job with the default
    /// <see cref="TrainingSteps"/> finishes in about 3 seconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan StepInterval
    {
        get => _stepInterval;
        set => _stepInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The step interval must be positive.");
    }

    /// <summary>
    /// The clock jobs advance by; <see cref="System.TimeProvider.System"/> when null. Pass a manual clock (for example
    /// <c>FakeTimeProvider</c>) to move jobs forward deterministically: nothing advances between two reads of the clock,
    /// and the emulator starts no timers of its own — except, with a <see cref="WebhookUrl"/>, one created through this
    /// clock (<see cref="System.TimeProvider.CreateTimer"/>) that plays OpenAI jobs forward so their webhooks go out;
    /// <c>FakeTimeProvider</c> fires it as you advance it. Webhooks are signed with this clock's time.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>How many training steps (and metric points per metric) a job runs. Defaults to 10; 1 to 10 000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–10 000.</exception>
    public int TrainingSteps
    {
        get => _trainingSteps;
        set => _trainingSteps = value is >= 1 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The number of training steps must be between 1 and 10000.");
    }

    /// <summary>
    /// Decides, when a job is created, whether it fails (in addition to the <see cref="OutcomeTag"/> and suffix
    /// conventions). Null by default: only the conventions apply. Also asked for each Azure OpenAI ingestion job
    /// (whose runs then fail), with the job's id and no model.
    /// </summary>
    public Func<EmulatedJobInfo, bool>? FailWhen { get; set; }

    /// <summary>
    /// Decides, when a Foundry training job is created without a <see cref="ScenarioTag"/> tag, what happens to its
    /// first attempt: retried after a system error, preempted and resumed, or failed with a user error before a second
    /// attempt succeeds (see <see cref="EmulatedJobScenario"/>). Null by default: one attempt. Fine-tuning jobs have no
    /// attempts and are not asked.
    /// </summary>
    public Func<EmulatedJobInfo, EmulatedJobScenario>? ScenarioWhen { get; set; }

    /// <summary>
    /// The base models fine-tuning jobs can start from (Azure OpenAI and OpenAI): creating a job for any other model is
    /// rejected with <c>400</c>, as the services do. Successfully fine-tuned models are added to the catalog and can be
    /// fine-tuned again. Pre-filled with common fine-tunable models; add or remove ids as you need.
    /// </summary>
    public IList<string> BaseModels { get; } = new List<string>
    {
        "gpt-4o-mini-2024-07-18",
        "gpt-4o-2024-08-06",
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini-2025-04-14",
        "gpt-4.1-nano-2025-04-14",
        "gpt-35-turbo-0125",
        "o4-mini-2025-04-16",
    };

    /// <summary>
    /// How many bytes of an uploaded file the emulator keeps (uploads are read as a stream; only their size is kept
    /// beyond this). A file larger than this downloads truncated and is not checked for JSONL syntax. Defaults to 4 MiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MaxStoredFileBytes
    {
        get => _maxStoredFileBytes;
        set => _maxStoredFileBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The number of stored bytes cannot be negative.");
    }

    /// <summary>
    /// The number of tensor bytes in each weights file a Foundry training job writes (its checkpoints' and final
    /// model's <c>*.safetensors</c>, after the safetensors header). Defaults to 1,024; up to 1 TiB. The bytes are
    /// produced as they are sent, so a multi-gigabyte artifact costs the emulator no memory: use it to test large,
    /// ranged and parallel downloads. Storage serves them with an <c>ETag</c> and their MD5 (worked out on first read).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or more than 1 TiB.</exception>
    public long WeightsFileBytes
    {
        get => _weightsFileBytes;
        set => _weightsFileBytes = value is >= 0 and <= 1L << 40 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The size of a weights file must be between 0 and 1 TiB.");
    }

    /// <summary>
    /// The most bytes per second the emulator's storage sends on one connection (the artifact content URLs), as blob
    /// storage caps each connection; null (the default) for no cap. A download over several connections at once gets
    /// the cap on each. Use it to make transfer tests and benchmarks behave like a real service on loopback.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long? StorageBandwidthPerConnection
    {
        get => _storageBandwidthPerConnection;
        set => _storageBandwidthPerConnection = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The bandwidth must be positive.");
    }

    /// <summary>
    /// Where the emulator's OpenAI platform POSTs its webhooks, as the platform does for a project's webhook endpoint:
    /// <c>fine_tuning.job.succeeded</c>, <c>fine_tuning.job.failed</c> and <c>fine_tuning.job.cancelled</c> when an
    /// OpenAI fine-tuning job ends, signed with <see cref="WebhookSecret"/> (Standard Webhooks: <c>webhook-id</c>,
    /// <c>webhook-timestamp</c>, <c>webhook-signature</c>) and retried until the receiver answers with a 2xx status.
    /// Null (the default) sends none. Azure OpenAI (2024-05-01-preview) has no webhooks, so its jobs send none either.
    /// </summary>
    /// <remarks>
    /// With a URL set, the emulator also advances its OpenAI jobs on a timer of its <see cref="TimeProvider"/> every
    /// <see cref="StepInterval"/>, so a job ends (and its webhook goes out) without anyone polling it.
    /// </remarks>
    /// <exception cref="ArgumentException">The value is not an absolute <c>http</c> or <c>https</c> URL.</exception>
    public Uri? WebhookUrl
    {
        get => _webhookUrl;
        set => _webhookUrl = value is null || (value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps))
            ? value
            : throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(value));
    }

    /// <summary>
    /// The secret webhooks are signed with, as the platform shows it: <c>whsec_</c> followed by a base64 key of at least
    /// 16 bytes. When null, the emulator makes one up; read it from <see cref="FoundryTrainingEmulator.WebhookSecret"/>
    /// to verify what it sends (<c>new WebhookVerifier(emulator.WebhookSecret)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not such a secret.</exception>
    public string? WebhookSecret
    {
        get => _webhookSecret;
        set
        {
            if (value is not null)
            {
                Testing.WebhookSecret.Decode(value, nameof(value));
            }

            _webhookSecret = value;
        }
    }

    /// <summary>How many times an event is sent before it is given up (the first attempt included). Defaults to 5; 1 to 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–100.</exception>
    public int WebhookMaxAttempts
    {
        get => _webhookMaxAttempts;
        set => _webhookMaxAttempts = value is >= 1 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The number of webhook attempts must be between 1 and 100.");
    }

    /// <summary>
    /// The wait before an event is sent again after a failed attempt (not 2xx, no answer within 10 seconds, or no
    /// connection), doubled before each further attempt and capped at an hour. Defaults to 100 milliseconds (the
    /// platform waits much longer); real time, not <see cref="TimeProvider"/>'s. Positive, at most an hour.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or longer than an hour.</exception>
    public TimeSpan WebhookRetryDelay
    {
        get => _webhookRetryDelay;
        set => _webhookRetryDelay = value > TimeSpan.Zero && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The webhook retry delay must be positive and at most an hour.");
    }

    /// <summary>
    /// Whether a training job may only refer to dataset versions that exist in the emulator
    /// (<c>azureai://datasets/{name}/versions/{version}</c> in <c>training.dataset.train</c>/<c>eval</c>, input URIs and
    /// <c>code_id</c>): when true, a job referring to a missing one fails at create with a 400 <c>DatasetNotFound</c>,
    /// as the service fails it; and the training file a job names (an uploaded <c>uri_file</c>) must be JSONL, or the
    /// create fails with a 400 <c>InvalidTrainingData</c> naming the line. Defaults to false, so jobs that refer to data
    /// the emulator never saw still run.
    /// </summary>
    public bool ValidateDatasetReferences { get; set; }
}
