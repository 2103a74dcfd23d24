using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using Foundry.Training.Datasets;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Dataset uploads whose local files or service answers are not what they seem: links out of the folder, files that
/// change while they are sent, special files, a SAS that is not HTTPS, a created version that is not the one asked for.
/// </summary>
public sealed class DatasetsLocalUploadTests : IDisposable
{
    private const string Container = "https://acct.blob.core.windows.net/c";
    private const string Signature = "TOPSECRETSIGNATURE";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "dlu-" + Guid.NewGuid().ToString("N"));
    private readonly HostileService _service = new();

    public DatasetsLocalUploadTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFolderWithLinksOutOfIt_UploadsOnlyItsOwnFiles(bool async)
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Write("outside/secret.txt", "secret");
        Write("data/a.txt", "a");
        File.CreateSymbolicLink(Path.Combine(_root, "data", "link.txt"), Path.Combine(_root, "outside", "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "data", "linked"), Path.Combine(_root, "outside"));
        DatasetsClient client = emulator.CreateDatasetsClient();

        FolderDatasetVersion version = async
            ? (await client.UploadFolderAsync("d", Path.Combine(_root, "data"), "1")).Value
            : client.UploadFolder("d", Path.Combine(_root, "data"), "1").Value;

        version.Version.Should().Be("1");
        emulator.Requests.Where(r => r.Service == EmulatedService.BlobStorage && r.Method == "PUT").Should().ContainSingle()
            .Which.Path.Should().EndWith("/a.txt");
    }

    [Theory]
    [InlineData("..\\..\\other\\x.txt", true)]
    [InlineData("a\\b.txt", false)]
    [InlineData("line\nbreak.txt", true)]
    [InlineData("bell\u0007.txt", false)]
    public async Task AFileNameStorageWouldNotKeep_IsRefusedBeforeAnythingIsSent(string fileName, bool folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // such names cannot be made there
        }

        using var emulator = FoundryTrainingEmulator.Start();
        Write("data/ok.txt", "ok");
        string path = Write("data/sub/" + fileName, "x");
        DatasetsClient client = emulator.CreateDatasetsClient();

        ArgumentException error = (folder
            ? await FluentActions.Awaiting(() => client.UploadFolderAsync("d", Path.Combine(_root, "data"))).Should().ThrowAsync<ArgumentException>()
            : FluentActions.Invoking(() => client.UploadFile("d", path)).Should().Throw<ArgumentException>()).Which;

        error.ParamName.Should().Be(folder ? "directory" : "path");
        error.Message.Should().Contain("holds a backslash or a control character").And.NotContain("\n").And.NotContain("\u0007");
        emulator.Requests.Should().BeEmpty();

        if (folder)
        {
            // A filter that leaves the file out lets the rest go.
            FolderDatasetVersion version = (await client.UploadFolderAsync("d", Path.Combine(_root, "data"), "1", filter: p => p == "ok.txt")).Value;
            version.Version.Should().Be("1");
        }
    }

    [Theory]
    [InlineData("grows", true)]
    [InlineData("grows", false)]
    [InlineData("is rewritten", true)]
    [InlineData("shrinks", false)]
    [InlineData("is deleted", true)]
    public async Task AFileThatChangesAfterItWasHashed_FailsTheUpload_BeforeABlobIsWrittenOrAVersionCreated(string change, bool async)
    {
        using var emulator = FoundryTrainingEmulator.Start();
        string path = Write("data/a.txt", new string('x', 1000));
        Write("data/b.txt", "b");
        DatasetsClient client = emulator.CreateDatasetsClient(Hooked("/startPendingUpload", () => Change(path, change)));

        RequestFailedException error = (await FluentActions.Awaiting(async () =>
        {
            if (async)
            {
                await client.UploadFolderAsync("d", Path.Combine(_root, "data"));
            }
            else
            {
                client.UploadFolder("d", Path.Combine(_root, "data"));
            }
        }).Should().ThrowAsync<RequestFailedException>()).Which;

        error.Status.Should().Be(0);
        error.ErrorCode.Should().Be("LocalFileChanged");
        error.Message.Should().StartWith("The file 'a.txt' changed while it was being uploaded; upload it again once nothing writes to it.");
        emulator.Requests.Should().NotContain(r => r.Service == EmulatedService.BlobStorage && r.Method == "PUT" && r.Path.EndsWith("/a.txt", StringComparison.Ordinal));
        emulator.Requests.Should().NotContain(r => r.Method == "PATCH", "no version is named after content it does not hold");
    }

    [Fact]
    public async Task AFileThatCannotBeRead_FailsTheUploadAsARequestFailedException_NamingWhy()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // permissions that stop the reader are Unix ones, and they do not stop root
        }

        using var emulator = FoundryTrainingEmulator.Start();
        string path = Write("data/a.txt", "a");
        File.SetUnixFileMode(path, UnixFileMode.None);
        DatasetsClient client = emulator.CreateDatasetsClient();

        try
        {
            RequestFailedException error = (await FluentActions.Awaiting(() => client.UploadFolderAsync("d", Path.Combine(_root, "data"))).Should().ThrowAsync<RequestFailedException>()).Which;

            error.Status.Should().Be(0);
            error.ErrorCode.Should().Be("LocalFileReadFailed");
            error.InnerException.Should().BeOfType<UnauthorizedAccessException>();
            emulator.Requests.Should().BeEmpty();
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFileThatGrowsWhileItsBlocksAreSent_IsNeverCommitted(bool async)
    {
        using var emulator = FoundryTrainingEmulator.Start();
        string path = Write("big.bin", new string('x', 5 * 64 * 1024));
        int puts = 0;
        DatasetsClientOptions options = Hooked("comp=block", () =>
        {
            if (Interlocked.Increment(ref puts) == 1)
            {
                File.AppendAllText(path, "appended");
            }
        });
        options.UploadBlockSize = 64 * 1024;
        options.MaxConcurrentUploads = 1;
        DatasetsClient client = emulator.CreateDatasetsClient(options);

        Func<Task> upload = async ? () => client.UploadFileAsync("d", path, "1") : () => Task.FromResult(client.UploadFile("d", path, "1"));

        RequestFailedException error = (await upload.Should().ThrowAsync<RequestFailedException>()).Which;
        error.ErrorCode.Should().Be("LocalFileChanged");
        error.Message.Should().Contain("'big.bin' changed");
        emulator.Requests.Should().NotContain(r => r.Query.ContainsKey("comp") && r.Query["comp"] == "blocklist");
        emulator.Requests.Should().NotContain(r => r.Method == "PATCH");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFifoInTheFolder_IsNeverOpened_SoTheUploadCannotHangOnIt(bool async)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs in the file system there
        }

        using var emulator = FoundryTrainingEmulator.Start();
        Write("data/a.txt", "a");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_root, "data", "pipe")))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        DatasetsClient client = emulator.CreateDatasetsClient();
        Task<Response<FolderDatasetVersion>> upload = async
            ? client.UploadFolderAsync("d", Path.Combine(_root, "data"))
            : Task.Run(() => client.UploadFolder("d", Path.Combine(_root, "data")));

        (await Task.WhenAny(upload, Task.Delay(TimeSpan.FromMinutes(2)))).Should().BeSameAs(upload, "opening a FIFO blocks until a writer comes; nothing must open it");
        (await upload).Value.Version.Should().HaveLength(32);
    }

    [Theory]
    [InlineData("http://evil.example/c?sv=1&sig=" + Signature)]
    [InlineData("ftp://acct.blob.core.windows.net/c?sv=1&sig=" + Signature)]
    public async Task ASasThatIsNotHttps_IsNeverUsed(string sas)
    {
        string path = Write("a.txt", "a");
        _service.Answer((method, requestPath) => requestPath.EndsWith("/startPendingUpload", StringComparison.Ordinal)
            ? HostileService.Json(200, PendingUpload(sas.Split('?')[0], sas))
            : HostileService.Json(201, "{}"));

        RequestFailedException error = (await FluentActions.Awaiting(() => _service.Datasets.UploadFileAsync("d", path, "1")).Should().ThrowAsync<RequestFailedException>()).Which;

        error.ErrorCode.Should().Be("InvalidResponseBody");
        error.ToString().Should().NotContain(Signature);
        _service.RequestLines.Should().ContainSingle().Which.Should().StartWith("POST /api/projects/p/datasets/d/versions/1/startPendingUpload");
    }

    [Theory]
    [InlineData("""{"type":"uri_file","dataUri":"https://acct.blob.core.windows.net/c/a.txt","name":"d"}""", "dataset 'd' version ''")]
    [InlineData("""{"type":"uri_file","dataUri":"https://acct.blob.core.windows.net/c/a.txt","name":"other","version":"1"}""", "dataset 'other' version '1'")]
    [InlineData("""{"type":"uri_file","dataUri":"https://acct.blob.core.windows.net/c/a.txt","name":"d","version":"2"}""", "dataset 'd' version '2'")]
    public async Task ACreatedVersionThatIsNotTheOneAskedFor_IsAMalformedAnswer(string created, string named)
    {
        string path = Write("a.txt", "a");
        Answer(created);

        RequestFailedException error = (await FluentActions.Awaiting(() => _service.Datasets.UploadFileAsync("d", path, "1")).Should().ThrowAsync<RequestFailedException>()).Which;

        error.ErrorCode.Should().Be("InvalidResponseBody");
        error.Status.Should().Be(201);
        error.Message.Should().StartWith($"Service returned status 201 with {named}, where dataset 'd' version '1' was asked for.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResolveLocalPaths_NeverRefersAJobToAVersionTheServiceChose(bool async)
    {
        Write("train.jsonl", "{}\n");
        Answer("""{"type":"uri_file","dataUri":"https://acct.blob.core.windows.net/c/train.jsonl","name":"train-jsonl"}""");
        var job = new CommandJob("compute") { Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("train.jsonl")) };
        var options = new LocalAssetOptions { BaseDirectory = _root, NamePrefix = string.Empty };

        Func<Task> resolve = async
            ? () => _service.Datasets.ResolveLocalPathsAsync(job, options)
            : () => Task.FromResult(_service.Datasets.ResolveLocalPaths(job, options));

        (await resolve.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidResponseBody");
    }

    /// <summary>A project whose content-hash look-ups find nothing, whose uploads succeed, and whose created version is <paramref name="created"/>.</summary>
    private void Answer(string created) =>
        _service.Answer((method, path) => (method, path) switch
        {
            ("POST", _) when path.EndsWith("/startPendingUpload", StringComparison.Ordinal) => HostileService.Json(200, PendingUpload(Container, Container + "?sv=1&sig=" + Signature)),
            ("PUT", _) => new HttpResponseMessage(HttpStatusCode.Created),
            ("PATCH", _) => HostileService.Json(201, created),
            _ => HostileService.Json(404, """{"error":{"code":"NotFound","message":"no"}}"""),
        });

    private static string PendingUpload(string blobUri, string sasUri) =>
        "{\"blobReference\":{\"blobUri\":\"" + blobUri + "\",\"storageAccountArmId\":\"/s\",\"credential\":{\"sasUri\":\"" + sasUri + "\",\"type\":\"SAS\"}},\"pendingUploadId\":\"p\",\"pendingUploadType\":\"BlobReference\"}";

    private static void Change(string path, string change)
    {
        switch (change)
        {
            case "grows":
                File.AppendAllText(path, "more");
                break;
            case "shrinks":
                File.WriteAllText(path, "short");
                break;
            case "is deleted":
                File.Delete(path);
                break;
            default:
                File.WriteAllText(path, new string('y', 1000)); // same length, other bytes
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(1)); // as any write later than the listing's timestamp tick
                break;
        }
    }

    /// <summary>Client options whose transport runs <paramref name="action"/> before sending a request whose URL contains <paramref name="marker"/>.</summary>
    private static DatasetsClientOptions Hooked(string marker, Action action)
    {
        var options = new DatasetsClientOptions { Transport = new HttpClientTransport(new HttpClient(new Hook(marker, action))) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private sealed class Hook(string marker, Action action) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Run(request);
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Run(request);
            return base.Send(request, cancellationToken);
        }

        private void Run(HttpRequestMessage request)
        {
            if (request.RequestUri!.PathAndQuery.Contains(marker, StringComparison.Ordinal))
            {
                action();
            }
        }
    }
}
