using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Infrastructure;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// Every <see cref="RequestFailedException"/> carries the service's code in its message, shaped as Azure.Core shapes
/// its own (<c>Status: ...</c>, <c>ErrorCode: ...</c>), so <see cref="Exception.ToString"/> in a log shows it: a failed
/// call, a failed Foundry operation, a failed fine-tuning job or file, a body that breaks the contract. No credential
/// or signature appears in any of them.
/// </summary>
public sealed class ErrorMessageTests : IDisposable
{
    private const string Token = "secret-token-3c9e";
    private const string ApiKey = "secret-api-key-77d1";
    private const string Signature = "SecretSig9f2a";

    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    private TrainingJobsClient JobsClient()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        return new TrainingJobsClient(new Uri(_service.Endpoint, "api/projects/proj"), new StaticTokenCredential(Token), options);
    }

    private FineTuningClient AzureClient()
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = 0;
        return new FineTuningClient(_service.Endpoint, new AzureKeyCredential(ApiKey), options);
    }

    private static void ShouldCarry(RequestFailedException ex, int status, string reason, string code)
    {
        ex.Status.Should().Be(status);
        ex.ErrorCode.Should().Be(code);
        string statusLine = status == 0 ? string.Empty : "Status: " + status + (reason.Length == 0 ? string.Empty : " (" + reason + ")");
        if (status != 0)
        {
            ex.Message.Should().Contain(Environment.NewLine + statusLine + Environment.NewLine);
        }

        ex.Message.Should().Contain("ErrorCode: " + code);
        ex.ToString().Should().Contain("ErrorCode: " + code);
        foreach (string secret in new[] { Token, ApiKey, Signature })
        {
            ex.ToString().Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task FailedCall_AzureCoresOwnMessage_HasStatusAndCode()
    {
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(404)
            .WithHeader("Content-Type", "application/json").WithHeader("Location", "https://a.blob.core.windows.net/c/b?sig=" + Signature)
            .WithBody("""{"error":{"code":"NotFound","message":"Training job 'x' was not found.","param":null,"type":"invalid_request_error"}}"""));

        RequestFailedException ex = (await FluentActions.Awaiting(() => JobsClient().GetAsync("x")).Should().ThrowAsync<RequestFailedException>()).Which;

        ShouldCarry(ex, 404, "Not Found", "NotFound");
        ex.Message.Should().StartWith("Training job 'x' was not found.");
    }

    [Fact]
    public async Task FailedFoundryOperation_HasStatusAndTheOperationsCode()
    {
        Recordings.Load(_service.Server, "Jobs/delete_lro_failed.json");

        RequestFailedException ex = (await FluentActions.Awaiting(() => JobsClient().DeleteAsync(WaitUntil.Completed, "job-2")).Should().ThrowAsync<RequestFailedException>()).Which;

        ShouldCarry(ex, 200, "OK", "JobInUse");
        ex.Message.Should().StartWith("The training job operation op-del-2 on job 'job-2' ended as 'failed': ");
    }

    [Fact]
    public async Task FailedFoundryOperation_WithoutAnErrorCode_CarriesTheStatusAsTheCode()
    {
        Serve("/api/projects/proj/training_jobs/job-3:cancel", 202, ("Operation-Location", "/api/projects/proj/training_jobs/operations/op-3/status"), ("Retry-After", "0"));
        Serve("/api/projects/proj/training_jobs/operations/op-3/status", 200, body: """{"id":"op-3","status":"canceled"}""");

        RequestFailedException ex = (await FluentActions.Awaiting(() => JobsClient().CancelAsync(WaitUntil.Completed, "job-3")).Should().ThrowAsync<RequestFailedException>()).Which;

        ShouldCarry(ex, 200, "OK", "canceled");
    }

    [Fact]
    public async Task InvalidResponseBody_HasStatusAndCode()
    {
        Serve("/api/projects/proj/training_jobs/x", 200, body: """{"name":"x","properties":{"job_type":"command","compute_id":"c"},"system_data":[1""");

        RequestFailedException ex = (await FluentActions.Awaiting(() => JobsClient().GetAsync("x")).Should().ThrowAsync<RequestFailedException>()).Which;

        ShouldCarry(ex, 200, "OK", "InvalidResponseBody");
        ex.Message.Should().StartWith("Service returned status 200 with a body that is not a valid TrainingJob");
    }

    [Fact]
    public async Task FailedFineTuningJob_HasTheJobsCode()
    {
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(20), TrainingSteps = 2 });
        FineTuningClient client = emulator.CreateOpenAIClient();
        FineTuningFile file = await client.GetFilesClient().UploadAsync(new MemoryStream(Emulator.TrainingData.ChatJsonl()), "t.jsonl", FilePurpose.FineTune);
        await client.GetFilesClient().WaitForProcessedAsync(file.Id!);
        FineTuningJob job = await client.CreateJobAsync(new FineTuningJobCreateOptions("gpt-4o-mini-2024-07-18", file.Id!) { Suffix = "fail" });

        FineTuningJobFailedException ex = (await FluentActions.Awaiting(() => client.WaitForCompletionAsync(job.Id!)).Should().ThrowAsync<FineTuningJobFailedException>()).Which;

        ShouldCarry(ex, 0, string.Empty, "emulated_failure");
        ex.Message.Should().Be($"Fine-tuning job '{job.Id}' failed: The emulator failed fine-tuning job {job.Id} at step 1 as requested.{Environment.NewLine}ErrorCode: emulated_failure");
    }

    [Fact]
    public async Task FileThatFailedProcessing_HasItsStatusAsTheCode()
    {
        Serve("/openai/files/file-9", 200, body: """{"object":"file","id":"file-9","filename":"t.jsonl","purpose":"fine-tune","status":"error","status_details":"Line 2 is not JSON.","bytes":3,"created_at":1}""");

        FineTuningFileProcessingException ex = (await FluentActions.Awaiting(() => AzureClient().GetFilesClient().WaitForProcessedAsync("file-9")).Should().ThrowAsync<FineTuningFileProcessingException>()).Which;

        ShouldCarry(ex, 0, string.Empty, "error");
    }

    private void Serve(string path, int status, params (string Name, string Value)[] headers) => Serve(path, status, null, headers);

    private void Serve(string path, int status, string? body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _service.Server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }
}
