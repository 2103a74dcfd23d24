using System.Net;
using System.Security.Cryptography;
using System.Text;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Emulator.Contract;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The emulator pushes the OpenAI platform's fine-tuning webhooks: signed POSTs when a job succeeds, fails or is
/// cancelled, retried on failure with a stable event id, in the background. Each received request is verified with
/// <see cref="WebhookVerifier"/> and, independently, with .NET's HMACSHA256.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string BaseModel = "gpt-4o-mini-2024-07-18";

    // whsec_ + base64 of bytes 0..31: a secret the test knows, to check signatures without the SDK.
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static readonly Lazy<SpecSchemas> s_openAI = new(() => SpecSchemas.Load("eng/conformance/specs/openai/openapi.yaml"));

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task JobSucceeds_TheEmulatorPostsASignedSucceededEvent_WithoutAnyonePolling()
    {
        await using FoundryTrainingEmulator emulator = Start(secret: Secret);
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningJob job = await CreateJobAsync(client);

        // Nothing polls the job: the emulator plays it forward on its own and announces its end.
        ReceivedWebhook received = (await _receiver.WaitForAsync(1, _timeout.Token)).Single();

        received.Headers["Content-Type"].Should().StartWith("application/json");
        SignatureIsValid(received).Should().BeTrue("the signature checks out with HMACSHA256 directly");
        FineTuningWebhookEvent webhookEvent = new WebhookVerifier(Secret).Unwrap(name => received.Headers.TryGetValue(name, out string? value) ? value : null, received.Content);
        FineTuningJobSucceededEvent succeeded = webhookEvent.Should().BeOfType<FineTuningJobSucceededEvent>().Subject;
        succeeded.JobId.Should().Be(job.Id);
        succeeded.Id.Should().MatchRegex("^evt_[0-9a-f]{32}$").And.Be(received.Id, "webhook-id is the event id");
        succeeded.Object.Should().Be(TypeDiscriminator.Event);
        JsonAssert.Equivalent(
            $$$"""{"id":"{{{succeeded.Id}}}","object":"event","created_at":{{{succeeded.CreatedAt!.Value.ToUnixTimeSeconds()}}},"type":"fine_tuning.job.succeeded","data":{"id":"{{{job.Id}}}"}}""",
            Encoding.UTF8.GetString(received.Body));
        s_openAI.Value.Check("WebhookFineTuningJobSucceeded", Encoding.UTF8.GetString(received.Body)).Should().BeEmpty("the body follows the spec's webhooks: section");

        // When the receiver acts on it, the job is done: its model and result file exist, dated as the event.
        FineTuningJob done = (await client.GetJobAsync(succeeded.JobId, _timeout.Token)).Value;
        done.Status.Should().Be(FineTuningState.Succeeded);
        done.FinishedAt.Should().Be(succeeded.CreatedAt);
        done.FineTunedModel.Should().StartWith("ft:" + BaseModel);
        done.ResultFiles.Should().ContainSingle();

        // Delivered once, however many requests see the job ended.
        await client.GetJobAsync(job.Id, _timeout.Token);
        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);
        _receiver.Received.Should().ContainSingle();
        EmulatorWebhookDelivery delivery = emulator.WebhookDeliveries.Should().ContainSingle().Subject;
        delivery.Should().BeEquivalentTo(new { EventId = succeeded.Id, EventType = "fine_tuning.job.succeeded", Attempt = 1, StatusCode = (int?)200, Error = (string?)null, Succeeded = true });
        delivery.Body.Should().Be(Encoding.UTF8.GetString(received.Body));
        delivery.ToString().Should().Be($"fine_tuning.job.succeeded {succeeded.Id} #1 → 200");
    }

    [Fact]
    public async Task ReceiverAnswers500Twice_ThenOk_ThreeDeliveriesOfTheSameEvent()
    {
        _receiver.Plan(HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError);
        await using FoundryTrainingEmulator emulator = Start(secret: Secret);
        FineTuningJob job = await CreateJobAsync(emulator.CreateOpenAIClient());

        IReadOnlyList<ReceivedWebhook> received = await _receiver.WaitForAsync(3, _timeout.Token);
        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);

        received.Should().HaveCount(3);
        received.Select(r => r.Id).Distinct().Should().ContainSingle("the webhook-id stays the same across retries");
        received.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct().Should().ContainSingle("the event is the same");
        received.Should().OnlyContain(r => SignatureIsValid(r), "each attempt is signed (afresh, with its own timestamp)");
        var verifier = new WebhookVerifier(Secret);
        List<FineTuningWebhookEvent> events = received.Select(r => verifier.Unwrap(r.Headers, r.Content)).ToList();
        events.Should().AllBeOfType<FineTuningJobSucceededEvent>();
        events.Cast<FineTuningJobSucceededEvent>().Should().OnlyContain(e => e.JobId == job.Id && e.Id == received[0].Id);
        emulator.WebhookDeliveries.Select(d => (d.Attempt, d.StatusCode)).Should().Equal((1, 500), (2, 500), (3, 200));
        _receiver.Received.Should().HaveCount(3, "nothing after the acknowledgment");
    }

    [Fact]
    public async Task ReceiverNeverAcknowledges_TheEventIsGivenUp_AfterTheMaxAttempts()
    {
        _receiver.Plan(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 10).ToArray());
        await using FoundryTrainingEmulator emulator = Start(options => options.WebhookMaxAttempts = 3);
        await CreateJobAsync(emulator.CreateOpenAIClient());

        await _receiver.WaitForAsync(3, _timeout.Token);
        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);

        emulator.WebhookDeliveries.Select(d => (d.Attempt, d.StatusCode, d.Succeeded)).Should().Equal((1, 503, false), (2, 503, false), (3, 503, false));
        _receiver.Received.Should().HaveCount(3);
    }

    [Fact]
    public async Task UnreachableReceiver_IsRetried_AndEachFailureRecorded()
    {
        var closed = new Uri($"http://127.0.0.1:{MockService.FreePort()}/webhooks");
        await using FoundryTrainingEmulator emulator = Start(options =>
        {
            options.WebhookUrl = closed;
            options.WebhookMaxAttempts = 2;
        });
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningJob job = await CreateJobAsync(client);
        await client.WaitForCompletionAsync(job.Id, TimeSpan.FromMilliseconds(20), _timeout.Token);

        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);

        emulator.WebhookDeliveries.Should().HaveCount(2).And.OnlyContain(d => d.StatusCode == null && !string.IsNullOrEmpty(d.Error) && !d.Succeeded);
    }

    [Fact]
    public async Task JobFails_TheEmulatorPostsAFailedEvent()
    {
        await using FoundryTrainingEmulator emulator = Start(secret: Secret);
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningJob job = await CreateJobAsync(client, suffix: "fail");

        ReceivedWebhook received = (await _receiver.WaitForAsync(1, _timeout.Token)).Single();

        FineTuningJobFailedEvent failed = new WebhookVerifier(Secret).Unwrap(received.Headers, received.Content).Should().BeOfType<FineTuningJobFailedEvent>().Subject;
        failed.JobId.Should().Be(job.Id);
        s_openAI.Value.Check("WebhookFineTuningJobFailed", Encoding.UTF8.GetString(received.Body)).Should().BeEmpty();
        FineTuningJob read = (await client.GetJobAsync(failed.JobId, _timeout.Token)).Value;
        read.Status.Should().Be(FineTuningState.Failed);
        read.Error!.Code.Should().Be(new FineTuningErrorCode("emulated_failure"));
        read.FinishedAt.Should().Be(failed.CreatedAt);
    }

    [Fact]
    public async Task JobIsCancelled_TheEmulatorPostsACancelledEvent_WithoutHoldingUpTheCancel()
    {
        await using FoundryTrainingEmulator emulator = Start(options =>
        {
            options.WebhookSecret = Secret;
            options.TrainingSteps = 10_000; // the job trains for minutes: only the cancel ends it
        });
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningJob job = await CreateJobAsync(client);
        _receiver.Hold();

        // The cancel is answered while the receiver still holds the webhook: delivery does not block the request.
        FineTuningJob cancelled = (await client.CancelJobAsync(job.Id, _timeout.Token)).Value;
        cancelled.Status.Should().Be(FineTuningState.Cancelled);
        ReceivedWebhook received = (await _receiver.WaitForAsync(1, _timeout.Token)).Single();
        emulator.WebhookDeliveries.Should().BeEmpty("the receiver has not answered yet");
        _receiver.Release();
        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);

        FineTuningJobCancelledEvent cancelledEvent = new WebhookVerifier(Secret).Unwrap(received.Headers, received.Content).Should().BeOfType<FineTuningJobCancelledEvent>().Subject;
        cancelledEvent.JobId.Should().Be(job.Id);
        s_openAI.Value.Check("WebhookFineTuningJobCancelled", Encoding.UTF8.GetString(received.Body)).Should().BeEmpty();
        cancelledEvent.CreatedAt.Should().Be(cancelled.FinishedAt);
        emulator.WebhookDeliveries.Should().ContainSingle().Which.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task AzureOpenAIJobs_SendNoWebhooks_AsTheServiceHasNone()
    {
        await using FoundryTrainingEmulator emulator = Start();
        FineTuningClient azure = emulator.CreateAzureOpenAIClient();
        FineTuningJob job = await CreateJobAsync(azure);

        await azure.WaitForCompletionAsync(job.Id, TimeSpan.FromMilliseconds(20), _timeout.Token);
        await emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);

        emulator.WebhookDeliveries.Should().BeEmpty();
        _receiver.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutAUrl_NothingIsSent_AndThereIsNoSecret()
    {
        await using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(20), TrainingSteps = 2 });
        FineTuningClient client = emulator.CreateOpenAIClient();
        await client.WaitForCompletionAsync((await CreateJobAsync(client)).Id, TimeSpan.FromMilliseconds(20), _timeout.Token);

        emulator.WebhookSecret.Should().BeNull();
        emulator.WebhookDeliveries.Should().BeEmpty();
        emulator.WaitForWebhookDeliveriesAsync(_timeout.Token).IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task WithoutASecret_TheEmulatorMakesOneUp_AndSignsWithIt()
    {
        await using FoundryTrainingEmulator emulator = Start();
        await CreateJobAsync(emulator.CreateOpenAIClient());

        ReceivedWebhook received = (await _receiver.WaitForAsync(1, _timeout.Token)).Single();

        emulator.WebhookSecret.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$");
        new WebhookVerifier(emulator.WebhookSecret!).Unwrap(received.Headers, received.Content).Should().BeOfType<FineTuningJobSucceededEvent>();
        new WebhookVerifier(Secret).Invoking(v => v.Verify(received.Headers, received.Content)).Should().Throw<WebhookVerificationException>();
    }

    [Fact]
    public async Task Webhooks_AreSignedWithTheEmulatorsClock()
    {
        // A manual clock: the job ends when the clock is moved and a request comes (the clock has no timers of its own).
        var clock = new ManualClock();
        await using FoundryTrainingEmulator emulator = Start(options =>
        {
            options.WebhookSecret = Secret;
            options.TimeProvider = clock;
            options.StepInterval = TimeSpan.FromSeconds(10);
        });
        FineTuningClient client = emulator.CreateOpenAIClient();
        string fileId = (await client.GetFilesClient().UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune, cancellationToken: _timeout.Token)).Value.Id;
        clock.Advance(TimeSpan.FromSeconds(10));
        FineTuningJob job = (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, fileId), _timeout.Token)).Value;
        clock.Advance(TimeSpan.FromSeconds(10 * 10));
        (await client.GetJobAsync(job.Id, _timeout.Token)).Value.Status.Should().Be(FineTuningState.Succeeded);

        ReceivedWebhook received = (await _receiver.WaitForAsync(1, _timeout.Token)).Single();

        received.Headers["webhook-timestamp"].Should().Be(clock.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        new WebhookVerifier(Secret, timeProvider: clock).Unwrap(received.Headers, received.Content).Should().BeOfType<FineTuningJobSucceededEvent>();
        new WebhookVerifier(Secret).Invoking(v => v.Verify(received.Headers, received.Content))
            .Should().Throw<WebhookVerificationException>("a verifier on the system clock sees a timestamp in 2030").WithMessage("*in the future*");
    }

    [Fact]
    public void Options_AreChecked_WhenSet()
    {
        var options = new FoundryTrainingEmulatorOptions();

        options.Invoking(o => o.WebhookUrl = new Uri("/webhooks", UriKind.Relative)).Should().Throw<ArgumentException>();
        options.Invoking(o => o.WebhookUrl = new Uri("ftp://127.0.0.1/webhooks")).Should().Throw<ArgumentException>();
        options.Invoking(o => o.WebhookSecret = "whsec_not base64!").Should().Throw<ArgumentException>().Which.Message.Should().NotContain("not base64!");
        options.Invoking(o => o.WebhookSecret = "whsec_c2hvcnQ=").Should().Throw<ArgumentException>();
        options.Invoking(o => o.WebhookMaxAttempts = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.WebhookMaxAttempts = 101).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.WebhookRetryDelay = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.WebhookRetryDelay = TimeSpan.FromHours(2)).Should().Throw<ArgumentOutOfRangeException>();

        options.WebhookSecret = Secret.Substring("whsec_".Length); // the prefix is optional
        options.WebhookUrl = new Uri("https://example.invalid/webhooks");
        options.Should().BeEquivalentTo(new { WebhookMaxAttempts = 5, WebhookRetryDelay = TimeSpan.FromMilliseconds(100) });
    }

    [Fact]
    public async Task DisposingTheEmulator_DropsPendingDeliveries_WithoutHanging()
    {
        _receiver.Plan(Enumerable.Repeat(HttpStatusCode.InternalServerError, 10).ToArray());
        FoundryTrainingEmulator emulator = Start(options =>
        {
            options.WebhookMaxAttempts = 10;
            options.WebhookRetryDelay = TimeSpan.FromMinutes(10);
        });
        await CreateJobAsync(emulator.CreateOpenAIClient());
        await _receiver.WaitForAsync(1, _timeout.Token);

        Task idle = emulator.WaitForWebhookDeliveriesAsync(_timeout.Token);
        await emulator.DisposeAsync();

        await idle.WaitAsync(_timeout.Token); // the retry ten minutes away is dropped
        _receiver.Received.Should().ContainSingle();
    }

    private FoundryTrainingEmulator Start(Action<FoundryTrainingEmulatorOptions>? configure = null, string? secret = null)
    {
        var options = new FoundryTrainingEmulatorOptions
        {
            StepInterval = TimeSpan.FromMilliseconds(20),
            TrainingSteps = 3,
            WebhookUrl = _receiver.Url,
            WebhookSecret = secret,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return FoundryTrainingEmulator.Start(options);
    }

    private async Task<FineTuningJob> CreateJobAsync(FineTuningClient client, string? suffix = null)
    {
        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile file = (await files.UploadAsync(new MemoryStream(TrainingData.ChatJsonl()), "train.jsonl", FilePurpose.FineTune, cancellationToken: _timeout.Token)).Value;
        await files.WaitForProcessedAsync(file.Id, TimeSpan.FromMilliseconds(20), _timeout.Token);
        return (await client.CreateJobAsync(new FineTuningJobCreateOptions(BaseModel, file.Id) { Suffix = suffix }, _timeout.Token)).Value;
    }

    /// <summary>Checks the signature with .NET's HMACSHA256 alone, as the scheme defines it.</summary>
    private static bool SignatureIsValid(ReceivedWebhook received)
    {
        byte[] key = Convert.FromBase64String(Secret.Substring("whsec_".Length));
        byte[] signed = Encoding.UTF8.GetBytes($"{received.Headers["webhook-id"]}.{received.Headers["webhook-timestamp"]}.").Concat(received.Body).ToArray();
        return received.Headers["webhook-signature"] == "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
