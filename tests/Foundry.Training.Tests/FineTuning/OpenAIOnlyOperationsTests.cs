using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>
/// The operations the table gives the OpenAI platform alone fail on Azure OpenAI <c>2024-05-01-preview</c> before any
/// request, each with its API's message; on the OpenAI platform they are sent.
/// </summary>
public sealed class OpenAIOnlyOperationsTests : IDisposable
{
    private const string Permissions = "Checkpoint permissions are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/checkpoints/{checkpoint}/permissions route.";
    private const string Graders = "Graders are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/alpha/graders routes.";
    private const string Uploads = "The Uploads API (multi-part uploads) is an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /uploads route. Upload the file in one request (FileUploadMode.SingleRequest), or import it from a blob URL with ImportAsync.";

    /// <summary>Each OpenAI-only operation (by span name), how a caller reaches it, and what Azure OpenAI answers.</summary>
    private static readonly Dictionary<string, (Action<FineTuningClient> Call, string Message)> s_calls = new()
    {
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

    /// <summary>The table's OpenAI-only operations; pausing and resuming a job are sent to either service as they are.</summary>
    public static TheoryData<string> OpenAIOnly => new(FineTuningOperations.All
        .Where(o => !o.IsIn(ServiceVersions.AzureOpenAI2024_05_01Preview) && o != FineTuningOperations.PauseJob && o != FineTuningOperations.ResumeJob)
        .Select(o => o.Name));

    [Theory]
    [MemberData(nameof(OpenAIOnly))]
    public void OnAzureOpenAI_FailsBeforeAnyRequest_WithItsAPIsMessage(string operation)
    {
        s_calls.Should().ContainKey(operation, "every OpenAI-only operation of the table is checked");
        (Action<FineTuningClient> call, string message) = s_calls[operation];
        FineTuningClient client = _emulator.CreateAzureOpenAIClient();
        _emulator.ClearRequests();

        FluentActions.Invoking(() => call(client)).Should().ThrowExactly<NotSupportedException>().Which.Message.Should().Be(message);
        _emulator.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(OpenAIOnly))]
    public void OnTheOpenAIPlatform_IsSent(string operation)
    {
        FineTuningClient client = _emulator.CreateOpenAIClient();
        _emulator.ClearRequests();

        try
        {
            s_calls[operation].Call(client);
        }
        catch (Azure.RequestFailedException)
        {
            // The emulator has no such upload, checkpoint or permission: the request went out, which is the point.
        }

        _emulator.Requests.Should().ContainSingle();
    }
}
