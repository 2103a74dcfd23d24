using System.Security.Cryptography;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The Uploads API through the SDK against the emulator: multi-part uploads (stream and path, sync and async) that
/// produce the same file as one request, resuming from a saved upload id and part ids, the emulator's checks (sizes,
/// order, md5, state), cancellation on the service, file expiry, typed deletes, and Azure OpenAI's refusal.
/// </summary>
public sealed class UploadsApiEmulatorTests : IDisposable
{
    private readonly FoundryTrainingEmulator _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(20) });
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "h14-uploads-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _emulator.Dispose();
        _timeout.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private FineTuningFilesClient OpenAIFiles() => _emulator.CreateOpenAIClient().GetFilesClient();

    private static byte[] Data(int examples) => TrainingData.ChatJsonl(examples);

    private async Task<byte[]> DownloadAsync(FineTuningFilesClient files, string fileId)
    {
        using var content = new MemoryStream();
        await (await files.DownloadContentAsync(fileId, _timeout.Token)).Value.CopyToAsync(content, _timeout.Token);
        return content.ToArray();
    }

    private List<EmulatorRequest> UploadRequests() => _emulator.Requests.Where(r => r.Path.Contains("/uploads", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadInParts_FromAStream_MakesTheSameFileAsOneRequest_WithProgressOverAllParts(bool async)
    {
        FineTuningFilesClient files = OpenAIFiles();
        byte[] data = Data(200);
        var progress = new ProgressRecorder();
        var options = new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, PartSize = 1000, MaxConcurrency = 3, Progress = progress };
        using var stream = new MemoryStream(data);

        FineTuningFile file = async
            ? (await files.UploadAsync(stream, "train.jsonl", FilePurpose.FineTune, options, _timeout.Token)).Value
            : files.Upload(stream, "train.jsonl", FilePurpose.FineTune, options, _timeout.Token).Value;

        file.Bytes.Should().Be(data.Length);
        file.FileName.Should().Be("train.jsonl");
        file.Purpose.Should().Be(FilePurpose.FineTune);
        (await DownloadAsync(files, file.Id)).Should().Equal(data);
        (await files.WaitForProcessedAsync(file.Id, cancellationToken: _timeout.Token)).Value.Status.Should().Be(FileState.Processed);
        int parts = (data.Length + 999) / 1000;
        UploadRequests().Count(r => r.Path.EndsWith("/parts", StringComparison.Ordinal)).Should().Be(parts);
        EmulatorRequest complete = UploadRequests().Single(r => r.Path.EndsWith("/complete", StringComparison.Ordinal));
        complete.Body.Should().Contain("\"md5\":\"" + Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant() + "\"");
        progress.Reports[^1].Should().Be(data.Length);
        progress.Reports.Should().BeInAscendingOrder("progress counts all parts and never goes back");
    }

    [Fact]
    public async Task UploadInParts_FromAPath_ReadsEachSliceOfTheFile()
    {
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, "big.jsonl");
        byte[] data = Data(120);
        await File.WriteAllBytesAsync(path, data, _timeout.Token);
        FineTuningFilesClient files = OpenAIFiles();

        FineTuningFile file = (await files.UploadAsync(path, FilePurpose.FineTune, new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, PartSize = 4096, SendMd5 = false }, _timeout.Token)).Value;

        (await DownloadAsync(files, file.Id)).Should().Equal(data);
        file.FileName.Should().Be("big.jsonl");
        UploadRequests().Single(r => r.Path.EndsWith("/complete", StringComparison.Ordinal)).Body.Should().NotContain("md5");
        ((Action)(() => File.Delete(path))).Should().NotThrow("every part closed its handle");
    }

    [Fact]
    public async Task Automatic_SmallFile_GoesInOneRequest()
    {
        FineTuningFilesClient files = OpenAIFiles();

        FineTuningFile file = (await files.UploadAsync(new MemoryStream(Data(3)), "small.jsonl", FilePurpose.FineTune, new FineTuningFileUploadOptions(), _timeout.Token)).Value;

        file.Id.Should().StartWith("file-");
        UploadRequests().Should().BeEmpty("a file under 512 MB needs no Uploads API");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LowLevel_ResumedFromASavedUploadIdAndPartIds_CompletesTheFile(bool async)
    {
        byte[] data = Data(50);
        int half = data.Length / 2;
        string md5 = Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant();

        // The first process creates the upload and sends the first half, then stops; it saved the ids.
        FineTuningFilesClient first = OpenAIFiles();
        FineTuningUpload created = (await first.CreateUploadAsync(new FineTuningUploadCreateOptions("resumed.jsonl", FilePurpose.FineTune, data.Length, "text/jsonl"), _timeout.Token)).Value;
        created.Status.Should().Be(FineTuningUploadStatus.Pending);
        created.Bytes.Should().Be(data.Length);
        created.ExpiresAt.Should().Be(created.CreatedAt!.Value.AddHours(1));
        string firstPart = (await first.AddUploadPartAsync(created.Id, new MemoryStream(data, 0, half), _timeout.Token)).Value.Id;

        // Another process resumes with a new client.
        FineTuningFilesClient second = OpenAIFiles();
        FineTuningUploadPart secondPart = async
            ? (await second.AddUploadPartAsync(created.Id, new MemoryStream(data, half, data.Length - half), _timeout.Token)).Value
            : second.AddUploadPart(created.Id, new MemoryStream(data, half, data.Length - half), _timeout.Token).Value;
        secondPart.UploadId.Should().Be(created.Id);
        FineTuningUpload completed = async
            ? (await second.CompleteUploadAsync(created.Id, new[] { firstPart, secondPart.Id }, md5, _timeout.Token)).Value
            : second.CompleteUpload(created.Id, new[] { firstPart, secondPart.Id }, md5, _timeout.Token).Value;

        completed.Status.Should().Be(FineTuningUploadStatus.Completed);
        completed.File!.Bytes.Should().Be(data.Length);
        (await DownloadAsync(second, completed.File.Id)).Should().Equal(data);
    }

    [Fact]
    public async Task Complete_ChecksSizesOrderMd5AndState()
    {
        FineTuningFilesClient files = OpenAIFiles();
        byte[] data = Data(10);
        string id = (await files.CreateUploadAsync(new FineTuningUploadCreateOptions("x.jsonl", FilePurpose.FineTune, data.Length, "text/jsonl"))).Value.Id;
        string a = (await files.AddUploadPartAsync(id, new MemoryStream(data, 0, 100))).Value.Id;
        string b = (await files.AddUploadPartAsync(id, new MemoryStream(data, 100, data.Length - 100))).Value.Id;

        (await FluentActions.Awaiting(() => files.CompleteUploadAsync(id, new[] { a })).Should().ThrowAsync<RequestFailedException>())
            .Which.Message.Should().Contain("100 bytes");
        (await FluentActions.Awaiting(() => files.CompleteUploadAsync(id, new[] { a, a, b })).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
        (await FluentActions.Awaiting(() => files.CompleteUploadAsync(id, new[] { a, "part_unknown" })).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
        (await FluentActions.Awaiting(() => files.CompleteUploadAsync(id, new[] { a, b }, new string('0', 32))).Should().ThrowAsync<RequestFailedException>())
            .Which.Message.Should().Contain("md5");

        // In the wrong order the bytes add up, so the file is made, in the order given.
        FineTuningFile swapped = (await files.CompleteUploadAsync(id, new[] { b, a })).Value.File!;
        (await DownloadAsync(files, swapped.Id)).Should().Equal(data.Skip(100).Concat(data.Take(100)));
        (await FluentActions.Awaiting(() => files.AddUploadPartAsync(id, new MemoryStream(data))).Should().ThrowAsync<RequestFailedException>())
            .Which.Message.Should().Contain("completed");
    }

    [Fact]
    public async Task CancelUpload_RefusesFurtherParts()
    {
        FineTuningFilesClient files = OpenAIFiles();
        string id = (await files.CreateUploadAsync(new FineTuningUploadCreateOptions("x.jsonl", FilePurpose.FineTune, 10, "text/jsonl"))).Value.Id;

        FineTuningUpload cancelled = files.CancelUpload(id).Value;

        cancelled.Status.Should().Be(FineTuningUploadStatus.Cancelled);
        (await FluentActions.Awaiting(() => files.AddUploadPartAsync(id, new MemoryStream(new byte[10]))).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
        (await FluentActions.Awaiting(() => files.CancelUploadAsync("upload_missing")).Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task CancellingTheToken_CancelsTheUploadOnTheService()
    {
        FineTuningFilesClient files = OpenAIFiles();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);
        var options = new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts, PartSize = 500, MaxConcurrency = 1, Progress = new CancelOnReport(cancel) };

        await FluentActions.Awaiting(() => files.UploadAsync(new MemoryStream(Data(100)), "c.jsonl", FilePurpose.FineTune, options, cancel.Token))
            .Should().ThrowAsync<OperationCanceledException>();

        EmulatorRequest cancelRequest = UploadRequests().Should().ContainSingle(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)).Subject;
        cancelRequest.StatusCode.Should().Be(200);
        UploadRequests().Should().NotContain(r => r.Path.EndsWith("/complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AzureOpenAI_HasNoUploadsApi_AndSaysSoBeforeAnyRequest()
    {
        FineTuningFilesClient files = _emulator.CreateAzureOpenAIClient().GetFilesClient();
        _emulator.ClearRequests();

        await FluentActions.Awaiting(() => files.UploadAsync(new MemoryStream(Data(2)), "a.jsonl", FilePurpose.FineTune, new FineTuningFileUploadOptions { Mode = FileUploadMode.Parts }))
            .Should().ThrowAsync<NotSupportedException>().WithMessage("*2024-05-01-preview*");
        FluentActions.Invoking(() => files.CreateUpload(new FineTuningUploadCreateOptions("a.jsonl", FilePurpose.FineTune, 1, "text/jsonl"))).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => files.CancelUpload("upload_1")).Should().Throw<NotSupportedException>();
        _emulator.Requests.Should().BeEmpty();

        // Automatic stays with one request on Azure OpenAI, whatever the size.
        FineTuningFile file = (await files.UploadAsync(new MemoryStream(Data(2)), "a.jsonl", FilePurpose.FineTune, new FineTuningFileUploadOptions())).Value;
        file.Status.Should().Be(FileState.Pending);
    }

    [Theory]
    [InlineData(FileUploadMode.SingleRequest)]
    [InlineData(FileUploadMode.Parts)]
    public async Task ExpiresAfter_SetsTheFilesExpiry(FileUploadMode mode)
    {
        FineTuningFilesClient files = OpenAIFiles();
        var options = new FineTuningFileUploadOptions { Mode = mode, ExpiresAfter = new FineTuningFileExpiration(TimeSpan.FromHours(2)) };

        FineTuningFile file = (await files.UploadAsync(new MemoryStream(Data(3)), "e.jsonl", FilePurpose.FineTune, options)).Value;

        file.ExpiresAt.Should().Be(file.CreatedAt!.Value.AddHours(2));
        (await files.GetAsync(file.Id)).Value.ExpiresAt.Should().Be(file.ExpiresAt);
        options.ExpiresAfter = new FineTuningFileExpiration(TimeSpan.FromMinutes(5));
        (await FluentActions.Awaiting(() => files.UploadAsync(new MemoryStream(Data(3)), "e.jsonl", FilePurpose.FineTune, options)).Should().ThrowAsync<RequestFailedException>())
            .Which.Message.Should().Contain("3600");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteFile_ReturnsATypedResult_OnBothServices(bool azure)
    {
        FineTuningFilesClient files = azure ? _emulator.CreateAzureOpenAIClient().GetFilesClient() : OpenAIFiles();
        string id = (await files.UploadAsync(new MemoryStream(Data(2)), "d.jsonl", FilePurpose.FineTune)).Value.Id;

        Response<FineTuningDeletionResult> deleted = await files.DeleteAsync(id);

        deleted.Value.Id.Should().Be(id);
        deleted.Value.Deleted.Should().BeTrue();
        deleted.Value.Object.Should().Be(azure ? (TypeDiscriminator?)null : TypeDiscriminator.File);
        deleted.GetRawResponse().Status.Should().Be(azure ? 204 : 200);
    }

    /// <summary>Cancels the upload as soon as the first bytes of a part are sent.</summary>
    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<long>
    {
        public void Report(long value) => cancel.Cancel();
    }
}
