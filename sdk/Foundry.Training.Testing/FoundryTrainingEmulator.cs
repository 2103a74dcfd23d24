using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

/// <summary>
/// An in-process, stateful fake of Azure AI Foundry training jobs, Azure OpenAI fine-tuning and the OpenAI platform's
/// fine-tuning API, served over HTTP on <c>127.0.0.1</c> (WireMock.Net) so that real clients — these SDK's, or any
/// other — talk to it exactly as to the services. Start one per test (or share one per test class) in one line:
/// <code>using var emulator = FoundryTrainingEmulator.Start();</code>
/// </summary>
/// <remarks>
/// <para>
/// Jobs move through their states as the emulator's clock advances (see <see cref="FoundryTrainingEmulatorOptions"/>):
/// Foundry jobs <c>Queued</c> → <c>Running</c> → <c>Completed</c> (or <c>Failed</c>, <c>CancelRequested</c> →
/// <c>Canceled</c>) with an attempt, metric points, checkpoints, logs, model files and outputs; fine-tuning jobs
/// <c>pending</c>/<c>validating_files</c> → <c>queued</c> → <c>running</c> → <c>succeeded</c> (or <c>failed</c>,
/// <c>cancelled</c>, <c>paused</c>) with events, checkpoints, a result file and a fine-tuned model; files
/// <c>pending</c>/<c>uploaded</c> → <c>processed</c> (or <c>error</c>). Requests are checked as the services check
/// them (authentication, api-version, the <c>Foundry-Features</c> opt-in, bodies) and errors come in each service's
/// shape. Everything lives in memory and disappears with the emulator. Thread-safe.
/// </para>
/// <para>
/// One <see cref="Endpoint"/> serves all three services: Foundry training jobs at <c>{Endpoint}/training_jobs</c>,
/// Azure OpenAI at <c>{Endpoint}/openai/...</c> (pass <see cref="Endpoint"/> as the Azure OpenAI endpoint) and the OpenAI
/// platform at <c>{Endpoint}/fine_tuning/...</c>, <c>{Endpoint}/files</c>, <c>{Endpoint}/models</c> (pass it as
/// <see cref="FineTuningClientOptions.OpenAIEndpoint"/>). Azure OpenAI and OpenAI keep separate files, jobs and models.
/// </para>
/// </remarks>
public sealed class FoundryTrainingEmulator : IDisposable, IAsyncDisposable
{
    private readonly EmulatorHost _host;
    private readonly RequestDispatcher _dispatcher;
    private readonly WebhookSender? _webhooks;
    private readonly ITimer? _webhookTicker;

    private FoundryTrainingEmulator(FoundryTrainingEmulatorOptions options)
    {
        TimeProvider clock = options.TimeProvider ?? TimeProvider.System;
        _host = new EmulatorHost(options.MaxStoredFileBytes, options.StorageBandwidthPerConnection);
        try
        {
            var context = new EmulatorContext(options, _host.ServerRoot);
            var blobs = new BlobStore();
            var datasets = new DatasetsService(context, blobs);
            var jobs = new TrainingJobsService(context, datasets);
            DateTimeOffset now = clock.GetUtcNow();
            if (options.WebhookUrl is Uri webhookUrl)
            {
                WebhookSecret = options.WebhookSecret ?? Testing.WebhookSecret.Create();
                _webhooks = new WebhookSender(webhookUrl, WebhookSecret, clock, options.WebhookMaxAttempts, options.WebhookRetryDelay);
            }

            var openAI = new FineTuningService(context, FineTuningFlavor.OpenAI, now, _webhooks is null ? null : _webhooks.Send);
            var services = new Dictionary<EmulatedService, IEmulatedService>
            {
                [EmulatedService.TrainingJobs] = jobs,
                [EmulatedService.Storage] = new ArtifactStorageService(context, jobs),
                [EmulatedService.Datasets] = datasets,
                [EmulatedService.BlobStorage] = new BlobContainerService(context, blobs),
                [EmulatedService.AzureOpenAI] = new FineTuningService(context, FineTuningFlavor.Azure, now),
                [EmulatedService.OpenAI] = openAI,
            };
            Endpoint = context.Endpoint;
            Faults = new EmulatorFaults();
            _dispatcher = new RequestDispatcher(clock, context, Faults, services);
            _host.Serve(_dispatcher);
            if (_webhooks is not null)
            {
                // Nobody need poll a job whose end is announced by webhook: play OpenAI jobs forward every step.
                _webhookTicker = clock.CreateTimer(_ => AdvanceOpenAIJobs(openAI, clock), null, context.StepInterval, context.StepInterval);
            }
        }
        catch
        {
            _webhooks?.Dispose();
            _host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The project endpoint every client points at: <c>http://127.0.0.1:{port}/api/projects/emulator</c>. Plain HTTP
    /// is fine: the SDK sends credentials over HTTP to loopback addresses.
    /// </summary>
    public Uri Endpoint { get; }

    /// <summary>A credential that hands out a fake bearer token, for <see cref="TrainingJobsClient"/> and Azure OpenAI with Entra ID.</summary>
    public TokenCredential Credential { get; } = new EmulatorTokenCredential();

    /// <summary>
    /// An API key for Azure OpenAI (<c>api-key</c>) and the OpenAI platform (<c>Authorization: Bearer</c>). The
    /// emulator checks that a credential is present, not its value: any non-empty key or token is accepted.
    /// </summary>
    public AzureKeyCredential ApiKey { get; } = new("emulator-key-" + Guid.NewGuid().ToString("N"));

    /// <summary>Faults to answer the next requests with: 429 with <c>Retry-After</c>, 503, lost responses, any error status.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>
    /// The requests received so far, oldest first, with the status each was answered with (a snapshot; the latest
    /// 10 000 are kept). Credentials are redacted; uploads are summarized.
    /// </summary>
    public IReadOnlyList<EmulatorRequest> Requests => _dispatcher.Log;

    /// <summary>
    /// The secret the emulator signs webhooks with (<see cref="FoundryTrainingEmulatorOptions.WebhookSecret"/>, or one
    /// it made up); null when <see cref="FoundryTrainingEmulatorOptions.WebhookUrl"/> is not set. Verify what it sends
    /// with <c>new WebhookVerifier(emulator.WebhookSecret)</c>.
    /// </summary>
    public string? WebhookSecret { get; }

    /// <summary>
    /// Every attempt to deliver a webhook so far, oldest first (a snapshot): the event, the attempt number, and the
    /// status the receiver answered with or why it could not be reached. Empty without a
    /// <see cref="FoundryTrainingEmulatorOptions.WebhookUrl"/>.
    /// </summary>
    public IReadOnlyList<EmulatorWebhookDelivery> WebhookDeliveries => _webhooks?.Deliveries ?? Array.Empty<EmulatorWebhookDelivery>();

    /// <summary>
    /// Waits until every webhook event raised so far has been delivered (a 2xx answer) or given up after
    /// <see cref="FoundryTrainingEmulatorOptions.WebhookMaxAttempts"/> attempts. Completes at once without a
    /// <see cref="FoundryTrainingEmulatorOptions.WebhookUrl"/>. A job's event is raised when the emulator sees it end:
    /// on a request about it (such as the last poll of <c>WaitForCompletionAsync</c>), or at the latest one step later.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the deliveries go on).</param>
    /// <returns>A task that completes when no delivery is pending.</returns>
    public Task WaitForWebhookDeliveriesAsync(CancellationToken cancellationToken = default) =>
        _webhooks?.WhenIdleAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">How fast jobs advance, how long they train, which fail, which base models exist; defaults when null.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static FoundryTrainingEmulator Start(FoundryTrainingEmulatorOptions? options = null) => new(options ?? new FoundryTrainingEmulatorOptions());

    /// <summary>Forgets the requests recorded so far (<see cref="Requests"/>); state and faults stay.</summary>
    public void ClearRequests() => _dispatcher.ClearLog();

    /// <summary>
    /// A <see cref="TrainingJobsClient"/> for this emulator, authenticated with <see cref="Credential"/>. Without
    /// <paramref name="options"/>, the client retries quickly (50 ms first backoff, at most 5 s per wait) so that tests
    /// with faults stay fast.
    /// </summary>
    /// <param name="options">The client options; quick-retry defaults when null.</param>
    /// <returns>The client.</returns>
    public TrainingJobsClient CreateTrainingJobsClient(TrainingJobsClientOptions? options = null) =>
        new(Endpoint, Credential, options ?? QuickRetries(new TrainingJobsClientOptions()));

    /// <summary>
    /// A <see cref="DatasetsClient"/> for this emulator, authenticated with <see cref="Credential"/>; uploads go to the
    /// emulator's blob containers. Without <paramref name="options"/>, the client retries quickly (as
    /// <see cref="CreateTrainingJobsClient"/>).
    /// </summary>
    /// <param name="options">The client options; quick-retry defaults when null.</param>
    /// <returns>The client.</returns>
    public DatasetsClient CreateDatasetsClient(DatasetsClientOptions? options = null) =>
        new(Endpoint, Credential, options ?? QuickRetries(new DatasetsClientOptions()));

    /// <summary>A <see cref="FineTuningClient"/> for this emulator's Azure OpenAI, authenticated with <see cref="ApiKey"/> (<c>api-key</c>).</summary>
    /// <param name="options">The client options; quick-retry defaults (as <see cref="CreateTrainingJobsClient"/>) when null.</param>
    /// <returns>The client.</returns>
    public FineTuningClient CreateAzureOpenAIClient(FineTuningClientOptions? options = null) =>
        new(Endpoint, ApiKey, options ?? QuickRetries(new FineTuningClientOptions()));

    /// <summary>
    /// A <see cref="FineTuningClient"/> for this emulator's OpenAI platform (<see cref="FineTuningClient.ForOpenAI"/>
    /// with <see cref="ApiKey"/>). When <paramref name="options"/> has no <see cref="FineTuningClientOptions.OpenAIEndpoint"/>,
    /// it is set to <see cref="Endpoint"/>.
    /// </summary>
    /// <param name="options">The client options; quick-retry defaults (as <see cref="CreateTrainingJobsClient"/>) when null.</param>
    /// <returns>The client.</returns>
    public FineTuningClient CreateOpenAIClient(FineTuningClientOptions? options = null)
    {
        options ??= QuickRetries(new FineTuningClientOptions());
        options.OpenAIEndpoint ??= Endpoint;
        return FineTuningClient.ForOpenAI(ApiKey.Key, options);
    }

    /// <summary>Stops the emulator; its state is gone, and webhooks not delivered yet are dropped.</summary>
    public void Dispose()
    {
        _webhookTicker?.Dispose();
        _webhooks?.Dispose();
        _host.Dispose();
    }

    /// <summary>Stops the emulator; its state is gone.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private static void AdvanceOpenAIJobs(FineTuningService openAI, TimeProvider clock)
    {
        try
        {
            openAI.Advance(clock.GetUtcNow());
        }
#pragma warning disable CA1031 // A timer callback that throws would take the test process down; the next request reports the problem.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static T QuickRetries<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }
}
