using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using Foundry.Training.Datasets;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;
using Foundry.Training.Tests.Emulator;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Datasets;

/// <summary>Uploads of local files and folders against the emulator's datasets service and SAS-checked blob containers.</summary>
public sealed class DatasetUploadEmulatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "h21-" + Guid.NewGuid().ToString("N"));

    public DatasetUploadEmulatorTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task UploadFile_CreatesAFileVersionWhoseBlobHoldsTheBytes_AndNoSasInDataUri()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        string path = Write("train.jsonl", TrainingData.ChatJsonl(1500));
        DatasetsClient client = emulator.CreateDatasetsClient(SmallBlocks());
        var reports = new List<DatasetUploadProgress>();

        Response<FileDatasetVersion> uploaded = await client.UploadFileAsync("chat", path, "1", new DatasetUploadOptions { Progress = new SyncProgress<DatasetUploadProgress>(reports.Add), Description = "chat data" });

        FileDatasetVersion version = uploaded.Value;
        uploaded.GetRawResponse().Status.Should().Be(201);
        version.Type.Should().Be(DatasetType.UriFile);
        version.Name.Should().Be("chat");
        version.Version.Should().Be("1");
        version.Description.Should().Be("chat data");
        version.AssetReference.Should().Be("azureai://datasets/chat/versions/1");
        version.DataUri.Should().EndWith("/train.jsonl").And.NotContain("?").And.NotContain("sig=");
        (await ReadBlobAsync(client, "chat", "1", "train.jsonl")).Should().Equal(File.ReadAllBytes(path));
        reports.Should().NotBeEmpty();
        reports[^1].BytesTransferred.Should().Be(new FileInfo(path).Length);
        reports[^1].TotalBytes.Should().Be(new FileInfo(path).Length);
        emulator.Requests.Where(r => r.Service == EmulatedService.BlobStorage).Select(r => r.Method + " " + (r.Query.TryGetValue("comp", out string? comp) ? comp : "blob"))
            .Should().Contain("PUT block").And.Contain("PUT blocklist", "a file larger than one block goes in blocks");
    }

    [Fact]
    public async Task UploadFolder_Sync_KeepsRelativePaths_AndAppliesTheFilter()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Write("code/train.py", Encoding.UTF8.GetBytes("print('train')\n"));
        Write("code/rewards/math.py", Encoding.UTF8.GetBytes("def score(x): return 1\n"));
        Write("code/notes.tmp", Encoding.UTF8.GetBytes("skip me"));
        DatasetsClient client = emulator.CreateDatasetsClient();

        FolderDatasetVersion version = client.UploadFolder("code", Path.Combine(_root, "code"), "v1", filter: p => !p.EndsWith(".tmp", StringComparison.Ordinal)).Value;

        version.Type.Should().Be(DatasetType.UriFolder);
        version.DataUri.Should().NotContain("?");
        emulator.Requests.Where(r => r.Service == EmulatedService.BlobStorage && r.Method == "PUT").Select(r => r.Path.Split("/").Last())
            .Should().BeEquivalentTo("train.py", "math.py");
        (await ReadBlobAsync(client, "code", "v1", "rewards/math.py")).Should().Equal(Encoding.UTF8.GetBytes("def score(x): return 1\n"));
    }

    [Fact]
    public async Task UploadFolder_WithoutVersion_NamesItByContentHash_AndASecondUploadSendsNoBlobBytes()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Write("data/a.jsonl", TrainingData.ChatJsonl(3));
        Write("data/sub/b.jsonl", TrainingData.ChatJsonl(5));
        DatasetsClient client = emulator.CreateDatasetsClient();

        FolderDatasetVersion first = (await client.UploadFolderAsync("data", Path.Combine(_root, "data"))).Value;
        emulator.ClearRequests();
        FolderDatasetVersion second = (await client.UploadFolderAsync("data", Path.Combine(_root, "data"))).Value;

        first.Version.Should().MatchRegex("^[0-9a-f]{32}$");
        second.Version.Should().Be(first.Version);
        emulator.Requests.Should().ContainSingle("only the lookup of the hash version is sent").Which.Method.Should().Be("GET");
        emulator.Requests.Should().NotContain(r => r.Service == EmulatedService.BlobStorage);

        File.AppendAllText(Path.Combine(_root, "data/a.jsonl"), "{\"messages\":[]}\n");
        FolderDatasetVersion changed = (await client.UploadFolderAsync("data", Path.Combine(_root, "data"))).Value;
        changed.Version.Should().NotBe(first.Version, "a changed byte is a new version");
    }

    [Fact]
    public async Task ContentHash_IsTheDocumentedSha256()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        string path = Write("one.txt", Encoding.UTF8.GetBytes("hello"));
        DatasetsClient client = emulator.CreateDatasetsClient();

        FileDatasetVersion version = (await client.UploadFileAsync("one", path)).Value;

        byte[] expected = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("foundry-dataset-v1\nfile\n7:one.txt5:hello"));
        version.Version.Should().Be(Convert.ToHexString(expected)[..32].ToLowerInvariant());
    }

    [Fact]
    public async Task ABlockResetMidBody_IsSentAgain_AndTheBlobIsWhole()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        byte[] bytes = new byte[5 * 64 * 1024 + 123];
        new Random(7).NextBytes(bytes);
        string path = Write("big.bin", bytes);
        var handler = new ResetOnceHandler("blockid=" + Uri.EscapeDataString(BlockUploader.BlockId(2)));
        DatasetsClientOptions options = SmallBlocks();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        DatasetsClient client = emulator.CreateDatasetsClient(options);
        var reports = new List<DatasetUploadProgress>();

        await client.UploadFileAsync("big", path, "1", new DatasetUploadOptions { Progress = new SyncProgress<DatasetUploadProgress>(reports.Add) });

        handler.Resets.Should().Be(1);
        emulator.Requests.Count(r => r.Query.TryGetValue("blockid", out string? id) && id == BlockUploader.BlockId(2)).Should().Be(1, "the reset attempt never reached the service; the retry did");
        (await ReadBlobAsync(client, "big", "1", "big.bin")).Should().Equal(bytes);
        reports[^1].BytesTransferred.Should().Be(bytes.Length, "the bytes of the cut attempt are not counted twice");
    }

    [Fact]
    public async Task ABadOrExpiredSas_Is403InStoragesShape_AndTheMessageHoldsNoSignature()
    {
        var clock = new ManualClock();
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = clock });
        DatasetsClient client = emulator.CreateDatasetsClient();
        PendingUploadResult pending = (await client.StartPendingUploadAsync("d", "1")).Value;
        Uri sas = pending.BlobReference.Credential.SasUri!;
        string signature = Query(sas)["sig"];
        using var http = new HttpClient();

        string tampered = sas.AbsoluteUri.Replace("sig=" + signature, "sig=" + (signature[0] == 'A' ? "B" : "A") + signature[1..], StringComparison.Ordinal);
        HttpResponseMessage forged = await http.PutAsync(Blob(tampered, "x.txt"), BlockBlob("x"));
        clock.Advance(TimeSpan.FromHours(2));
        HttpResponseMessage expired = await http.PutAsync(Blob(sas.AbsoluteUri, "x.txt"), BlockBlob("x"));

        foreach (HttpResponseMessage response in new[] { forged, expired })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Headers.GetValues("x-ms-error-code").Should().Equal("AuthenticationFailed");
            (await response.Content.ReadAsStringAsync()).Should().Contain("<Code>AuthenticationFailed</Code>");
        }
    }

    [Fact]
    public async Task TheSas_NeverReachesLogs_Exceptions_DataUri_OrToString()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        using var logs = new LogCapture();
        string path = Write("train.jsonl", TrainingData.ChatJsonl(1500));
        DatasetsClientOptions options = SmallBlocks();
        DatasetsClient client = emulator.CreateDatasetsClient(options);

        FileDatasetVersion version = (await client.UploadFileAsync("secret", path, "1")).Value;
        PendingUploadResult other = (await client.StartPendingUploadAsync("secret", "2")).Value;
        string signature = Query(other.BlobReference.Credential.SasUri!)["sig"];
        DatasetCredential read = (await client.GetCredentialsAsync("secret", "1")).Value;
        string readSignature = Query(read.BlobReference.Credential.SasUri!)["sig"];

        // A refused block: the exception says why without the URL.
        string tampered = other.BlobReference.Credential.SasUri!.AbsoluteUri.Replace(signature, "AAAA" + signature[4..], StringComparison.Ordinal);
        var pipeline = HttpPipelineBuilder.Build(options);
        using var message = pipeline.CreateMessage();
        message.Request.Method = Azure.Core.RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(tampered));
        await pipeline.SendAsync(message, default);

        version.DataUri.Should().NotContain("sig=");
        version.ToString().Should().NotContain("sig=");
        other.ToString().Should().NotContain(signature);
        other.BlobReference.ToString().Should().NotContain(signature);
        other.BlobReference.Credential.ToString().Should().NotContain(signature);
        logs.Text.Should().Contain("comp=block", "the blob requests were logged").And.Contain("sig=REDACTED");
        foreach (string secret in emulator.Requests.Where(r => r.Query.ContainsKey("sig")).Select(r => r.Query["sig"]).Distinct())
        {
            secret.Should().Be("REDACTED");
        }

        logs.Text.Should().NotContain(readSignature);
        FluentActions.Invoking(() => client.UploadFile("x", Path.Combine(_root, "missing.txt"), "1")).Should().Throw<ArgumentException>().Which.Message.Should().NotContain("sig=");
    }

    [Fact]
    public async Task AJobWithLocalPaths_UploadsThem_AndTheEmulatedJobReadsTheTrainingFile()
    {
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { ValidateDatasetReferences = true });
        Write("train.jsonl", TrainingData.ChatJsonl(12));
        Write("code/rewards.py", Encoding.UTF8.GetBytes("def score(x): return 1\n"));
        DatasetsClient datasets = emulator.CreateDatasetsClient();
        TrainingJobsClient jobs = emulator.CreateTrainingJobsClient();
        var recipe = new GrpoTrainingConfiguration(
            "azureai://registries/azureml/models/Qwen2.5-1.5B/versions/1",
            new TrainingDatasetConfiguration("train.jsonl") { Eval = "https://example.blob.core.windows.net/c/eval.jsonl" },
            new TrainingFunctionRewardConfiguration(new TrainingEntryPointReference("code/rewards.py:score")));
        var job = new CommandJob(EmulatorJobs.Compute) { Training = recipe };

        CommandJob resolved = await datasets.ResolveLocalPathsAsync(job, new LocalAssetOptions { BaseDirectory = _root });
        TrainingJob created = (await jobs.CreateAsync("local-job", resolved)).Value;

        recipe.Dataset.Train.Should().Be("train.jsonl", "the caller's job is not changed");
        resolved.Training!.Dataset.Train.Should().MatchRegex("^azureai://datasets/local-train-jsonl/versions/[0-9a-f]{32}$");
        resolved.Training.Dataset.Eval.Should().Be("https://example.blob.core.windows.net/c/eval.jsonl", "remote URIs are left alone");
        resolved.CodeId.Should().MatchRegex("^azureai://datasets/local-code/versions/[0-9a-f]{32}$");
        ((TrainingFunctionRewardConfiguration)((GrpoTrainingConfiguration)resolved.Training).Reward).Function.EntryPoint.Should().Be("rewards.py:score");
        created.Name.Should().Be("local-job");

        await jobs.WaitForCompletionAsync("local-job", TimeSpan.FromMilliseconds(20));
        using var log = new MemoryStream();
        await (await jobs.DownloadArtifactAsync("local-job", "1", "logs/std_log.txt")).Value.CopyToAsync(log);
        Encoding.UTF8.GetString(log.ToArray()).Should().Contain("Read 12 training examples").And.Contain(resolved.Training.Dataset.Train);
    }

    [Fact]
    public void ResolveLocalPaths_Sync_UploadsEachLocalFileOrFolderAsItsKind_InOrder_AndLeavesURIsAlone()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Write("train.jsonl", TrainingData.ChatJsonl(3));
        Write("eval/a.jsonl", TrainingData.ChatJsonl(2));
        string extra = Write("extra.txt", Encoding.UTF8.GetBytes("x"));
        DatasetsClient datasets = emulator.CreateDatasetsClient();
        var job = new CommandJob(EmulatorJobs.Compute)
        {
            Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("train.jsonl") { Eval = "eval" }),
        };
        job.Inputs["extra"] = new JobInput(AssetTypes.UriFile) { Uri = new Uri(extra).AbsoluteUri };
        job.Inputs["remote"] = new JobInput(AssetTypes.UriFolder) { Uri = "https://example.blob.core.windows.net/c/folder" };

        CommandJob resolved = datasets.ResolveLocalPaths(job, new LocalAssetOptions { BaseDirectory = _root });

        resolved.Training!.Dataset.Train.Should().MatchRegex("^azureai://datasets/local-train-jsonl/versions/[0-9a-f]{32}$");
        resolved.Training.Dataset.Eval.Should().MatchRegex("^azureai://datasets/local-eval/versions/[0-9a-f]{32}$");
        resolved.Inputs["extra"].Uri.Should().MatchRegex("^azureai://datasets/local-extra-txt/versions/[0-9a-f]{32}$");
        resolved.Inputs["remote"].Uri.Should().Be("https://example.blob.core.windows.net/c/folder");
        job.Inputs["extra"].Uri.Should().Be(new Uri(extra).AbsoluteUri, "the caller's job is not changed");
        DatasetVersion Version(string reference) => datasets.GetVersion(reference.Split('/')[3], reference.Split('/')[^1]).Value;
        Version(resolved.Training.Dataset.Train).Should().BeOfType<FileDatasetVersion>();
        Version(resolved.Training.Dataset.Eval!).Should().BeOfType<FolderDatasetVersion>();
        Version(resolved.Inputs["extra"].Uri!).Should().BeOfType<FileDatasetVersion>();
        emulator.Requests.Where(r => r.Path.EndsWith("/startPendingUpload", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[^4])
            .Should().Equal("local-train-jsonl", "local-eval", "local-extra-txt");
    }

    [Fact]
    public async Task ResolveLocalPaths_AMissingPathAnywhere_FailsNamingItsProperty_BeforeAnythingIsSent()
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Write("train.jsonl", TrainingData.ChatJsonl(3));
        DatasetsClient datasets = emulator.CreateDatasetsClient();
        var job = new CommandJob(EmulatorJobs.Compute)
        {
            Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("train.jsonl")),
        };
        job.Inputs["extra"] = new JobInput(AssetTypes.UriFolder) { Uri = "no-such-folder" };

        ArgumentException error = (await FluentActions.Awaiting(() => datasets.ResolveLocalPathsAsync(job, new LocalAssetOptions { BaseDirectory = _root })).Should().ThrowAsync<ArgumentException>()).Which;

        error.ParamName.Should().Be("job");
        error.Message.Should().Contain("job.Inputs[\"extra\"].Uri").And.Contain("'no-such-folder'");
        emulator.Requests.Should().BeEmpty("the train file, checked first, is not uploaded either");
    }

    [Fact]
    public async Task AJobReferringToAMissingDataset_FailsAtCreate()
    {
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { ValidateDatasetReferences = true });
        TrainingJobsClient jobs = emulator.CreateTrainingJobsClient();
        var job = new CommandJob(EmulatorJobs.Compute)
        {
            Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration("azureai://datasets/nothing/versions/1")),
        };

        RequestFailedException error = (await FluentActions.Awaiting(() => jobs.CreateAsync("missing-data", job)).Should().ThrowAsync<RequestFailedException>()).Which;

        error.Status.Should().Be(400);
        error.ErrorCode.Should().Be("DatasetNotFound");
        error.Message.Should().Contain("training.dataset.train");
    }

    [Fact]
    public async Task AnUploadedTrainingFileThatIsNotJsonl_FailsTheCreate_NamingTheLine()
    {
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { ValidateDatasetReferences = true });
        string path = Write("train.jsonl", Encoding.UTF8.GetBytes("{\"messages\":[]}\n\n[1,2]\n"));
        string train = (await emulator.CreateDatasetsClient().UploadFileAsync("chat", path, "1")).Value.AssetReference!;
        var job = new CommandJob(EmulatorJobs.Compute) { Training = new SftTrainingConfiguration("azureai://registries/azureml/models/m/versions/1", new TrainingDatasetConfiguration(train)) };

        RequestFailedException error = (await FluentActions.Awaiting(() => emulator.CreateTrainingJobsClient().CreateAsync("bad-data", job)).Should().ThrowAsync<RequestFailedException>()).Which;

        error.Status.Should().Be(400);
        error.ErrorCode.Should().Be("InvalidTrainingData");
        error.Message.Should().Contain("Line 3 of the training data 'azureai://datasets/chat/versions/1'");
    }

    [Theory]
    [InlineData("PUT", "datasets/d/versions/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "datasets", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "datasets/d/versions/1/credentials", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "datasets/d", HttpStatusCode.NotFound)]
    [InlineData("POST", "datasets/d/versions/1/publish", HttpStatusCode.NotFound)]
    public async Task TheDatasetsRoutes_AreTheOperationTables_405ForAnotherMethod_404ForAnotherPath(string method, string path, HttpStatusCode expected)
    {
        using var emulator = FoundryTrainingEmulator.Start();
        Uri project = emulator.CreateDatasetsClient().Endpoint;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), project.AbsoluteUri.TrimEnd('/') + "/" + path + "?api-version=v1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");

        using HttpResponseMessage response = await http.SendAsync(request);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected == HttpStatusCode.NotFound ? "\"NotFound\"" : "\"MethodNotAllowed\"");
    }

    private static DatasetsClientOptions SmallBlocks()
    {
        var options = new DatasetsClientOptions { UploadBlockSize = 64 * 1024, MaxConcurrentUploads = 3 };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    private string Write(string relative, byte[] bytes)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<byte[]> ReadBlobAsync(DatasetsClient client, string name, string version, string blob)
    {
        Uri sas = (await client.GetCredentialsAsync(name, version)).Value.BlobReference.Credential.SasUri!;
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(Blob(sas.AbsoluteUri, blob));
    }

    private static string Blob(string sasUri, string blob)
    {
        int query = sasUri.IndexOf('?', StringComparison.Ordinal);
        return sasUri[..query] + "/" + blob + sasUri[query..];
    }

    private static StringContent BlockBlob(string text)
    {
        var content = new StringContent(text);
        content.Headers.Add("x-ms-blob-type", "BlockBlob");
        return content;
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    /// <summary>Cuts the first request whose URL contains <paramref name="marker"/> after part of its body was read, as a connection reset does.</summary>
    private sealed class ResetOnceHandler(string marker) : DelegatingHandler(new HttpClientHandler())
    {
        private int _resets;

        public int Resets => _resets;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Query.Contains(marker, StringComparison.Ordinal) && request.Content is not null && Interlocked.CompareExchange(ref _resets, 1, 0) == 0)
            {
                using var sink = new MemoryStream();
                Stream body = await request.Content.ReadAsStreamAsync(cancellationToken);
                byte[] part = new byte[10_000];
                await body.ReadAtLeastAsync(part, part.Length, throwOnEndOfStream: false, cancellationToken);
                throw new HttpRequestException("Connection reset by peer (test)", new IOException("reset"));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
