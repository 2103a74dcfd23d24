using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>
/// The operations the table gives one fine-tuning service alone fail on the other before any request (the OpenAI-only
/// APIs with their API's message, the rest with one naming the operation and its service); on their own service they
/// are sent.
/// </summary>
public sealed class OneServiceOperationsTests : IDisposable
{
    private const string Permissions = "Checkpoint permissions are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/checkpoints/{checkpoint}/permissions route.";
    private const string Graders = "Graders are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/alpha/graders routes.";
    private const string Uploads = "The Uploads API (multi-part uploads) is an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /uploads route. Upload the file in one request (FileUploadMode.SingleRequest), or import it from a blob URL with ImportAsync.";

    /// <summary>Each one-service operation (by span name), how a caller reaches it, and what the other service's client says.</summary>
    private static readonly Dictionary<string, (Action<FineTuningClient> Call, string Message)> s_calls = new()
    {
        ["FineTuningClient.PauseJob"] = (c => c.PauseJob("ftjob-1"), "FineTuningClient.PauseJob (POST /fine_tuning/jobs/{jobId}/pause) is an operation of the OpenAI platform; Azure OpenAI 2024-05-01-preview has no such route."),
        ["FineTuningClient.ResumeJob"] = (c => c.ResumeJob("ftjob-1"), "FineTuningClient.ResumeJob (POST /fine_tuning/jobs/{jobId}/resume) is an operation of the OpenAI platform; Azure OpenAI 2024-05-01-preview has no such route."),
        ["FineTuningClient.DeleteJob"] = (c => c.DeleteJob("ftjob-1"), AzureOnly("FineTuningClient.DeleteJob (DELETE /fine_tuning/jobs/{jobId})")),
        ["FineTuningFilesClient.Import"] = (c => c.GetFilesClient().Import(new FineTuningFileImport(new Uri("https://blobs.example.com/c/a.jsonl"), "a.jsonl", FilePurpose.FineTune)), AzureOnly("FineTuningFilesClient.Import (POST /files/import)")),
        ["IngestionJobsClient.CreateJob"] = (c => c.GetIngestionJobsClient().CreateJob("docs", new SystemComputeIngestionJob()), AzureOnly("IngestionJobsClient.CreateJob (PUT /ingestion/jobs/{jobId})")),
        ["IngestionJobsClient.GetJobs"] = (c => c.GetIngestionJobsClient().GetJobs().AsPages().First(), AzureOnly("IngestionJobsClient.GetJobs (GET /ingestion/jobs)")),
        ["IngestionJobsClient.GetJob"] = (c => c.GetIngestionJobsClient().GetJob("docs"), AzureOnly("IngestionJobsClient.GetJob (GET /ingestion/jobs/{jobId})")),
        ["IngestionJobsClient.GetRuns"] = (c => c.GetIngestionJobsClient().GetRuns("docs").AsPages().First(), AzureOnly("IngestionJobsClient.GetRuns (GET /ingestion/jobs/{jobId}/runs)")),
        ["IngestionJobsClient.GetRun"] = (c => c.GetIngestionJobsClient().GetRun("docs", "run-1"), AzureOnly("IngestionJobsClient.GetRun (GET /ingestion/jobs/{jobId}/runs/{runId})")),
        ["FineTuningFilesClient.CreateUpload"] = (c => c.GetFilesClient().CreateUpload(new FineTuningUploadCreateOptions("a.jsonl", FilePurpose.FineTune, 1, "text/jsonl")), Uploads),
        ["FineTuningFilesClient.AddUploadPart"] = (c => c.GetFilesClient().AddUploadPart("upload_1", new MemoryStream(new byte[1])), Uploads),
        ["FineTuningFilesClient.CompleteUpload"] = (c => c.GetFilesClient().CompleteUpload("upload_1", new[] { "part_1" }), Uploads),
        ["FineTuningFilesClient.CancelUpload"] = (c => c.GetFilesClient().CancelUpload("upload_1"), Uploads),
        ["FineTuningCheckpointPermissionsClient.GetPermissions"] = (c => c.GetCheckpointPermissionsClient().GetPermissions("ft:x").AsPages().First(), Permissions),
        ["FineTuningCheckpointPermissionsClient.CreatePermissions"] = (c => c.GetCheckpointPermissionsClient().CreatePermissions("ft:x", new[] { "p" }), Permissions),
        ["FineTuningCheckpointPermissionsClient.DeletePermission"] = (c => c.GetCheckpointPermissionsClient().DeletePermission("ft:x", "cp_1"), Permissions),
        ["FineTuningClient.RunGrader"] = (c => c.RunGrader(new StringCheckGrader(), "x"), Graders),
        ["FineTuningClient.ValidateGrader"] = (c => c.ValidateGrader(new StringCheckGrader()), Graders),
    };

    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start();

    public void Dispose() => _emulator.Dispose();

    /// <summary>The table's operations of one service: whether it is the OpenAI platform's.</summary>
    public static TheoryData<string, bool> OneServiceOnly
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (ServiceOperation operation in FineTuningOperations.All)
            {
                bool azure = operation.IsIn(ServiceVersions.AzureOpenAI2024_05_01Preview);
                bool openAI = operation.IsIn(ServiceVersions.OpenAI);
                if (azure != openAI)
                {
                    data.Add(operation.Name, openAI);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OneServiceOnly))]
    public void OnTheOtherService_FailsBeforeAnyRequest_WithAMessageThatSaysWhy(string operation, bool openAIOnly)
    {
        s_calls.Should().ContainKey(operation, "every one-service operation of the table is checked");
        (Action<FineTuningClient> call, string message) = s_calls[operation];
        FineTuningClient client = openAIOnly ? _emulator.CreateAzureOpenAIClient() : _emulator.CreateOpenAIClient();
        _emulator.ClearRequests();

        FluentActions.Invoking(() => call(client)).Should().ThrowExactly<NotSupportedException>().Which.Message.Should().Be(message);
        _emulator.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(OneServiceOnly))]
    public void OnItsOwnService_IsSent(string operation, bool openAIOnly)
    {
        FineTuningClient client = openAIOnly ? _emulator.CreateOpenAIClient() : _emulator.CreateAzureOpenAIClient();
        _emulator.ClearRequests();

        try
        {
            s_calls[operation].Call(client);
        }
        catch (Azure.RequestFailedException)
        {
            // The emulator has no such job, upload, checkpoint or permission, or the job is not in a state for it: the
            // request went out, which is the point.
        }

        _emulator.Requests.Should().ContainSingle();
    }

    private static string AzureOnly(string operation) =>
        operation + " is an operation of Azure OpenAI 2024-05-01-preview; the OpenAI platform has no such route.";
}
