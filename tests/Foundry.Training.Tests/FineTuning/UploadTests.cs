using System.Text;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;
using Xunit.Abstractions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FineTuning;

/// <summary>Large uploads measure allocations, so they run alone rather than alongside other tests.</summary>
[CollectionDefinition(nameof(LargeUploadCollection), DisableParallelization = true)]
public sealed class LargeUploadCollection
{
}

[Collection(nameof(LargeUploadCollection))]
public sealed class UploadTests
{
    private readonly ITestOutputHelper _output;

    public UploadTests(ITestOutputHelper output) => _output = output;

    private const long LargeSize = 256L * 1024 * 1024;
    private const string FileJson = """{"object":"file","id":"file-big","filename":"big.jsonl","purpose":"fine-tune","status":"pending","bytes":268435456}""";

    private static FineTuningFilesClient FilesClient(Uri endpoint, int maxRetries = 0)
    {
        var options = new FineTuningClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        return new FineTuningClient(endpoint, new AzureKeyCredential("key"), options).GetFilesClient();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Upload_StreamsA256MiBFileWithoutBufferingIt(bool seekable, bool async)
    {
        using var server = new CountingUploadServer(FileJson);
        FineTuningFilesClient files = FilesClient(server.Endpoint);
        var progress = new ProgressRecorder();
        using var content = new PatternStream(LargeSize, seekable);

        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        Response<FineTuningFile> response = async
            ? await files.UploadAsync(content, "big.jsonl", FilePurpose.FineTune, progress)
            : files.Upload(content, "big.jsonl", FilePurpose.FineTune, progress);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        _output.WriteLine($"Uploading {LargeSize:N0} bytes allocated {allocated:N0} bytes.");

        response.Value.Id.Should().Be("file-big");
        ReceivedUpload upload = server.Uploads.Should().ContainSingle().Subject;
        upload.Target.Should().Be("/openai/files?api-version=2024-05-01-preview");
        upload.FileBytes.Should().Be(LargeSize);
        upload.ContentMatches.Should().BeTrue("every byte arrives in order, followed by the closing boundary");
        upload.Head.Should().Contain("name=\"purpose\"\r\n\r\nfine-tune\r\n").And.Contain("filename=\"big.jsonl\"");
        if (seekable)
        {
            upload.ContentLength.Should().Be(upload.TotalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            upload.TransferEncoding.Should().Be("chunked");
        }

        progress.Last.Should().Be(LargeSize);
        progress.Monotonic.Should().BeTrue();
        allocated.Should().BeLessThan(LargeSize / 16, "a 256 MiB upload must be streamed, not buffered (allocated {0:N0} bytes)", allocated);
    }

    [Fact]
    public async Task UploadAsync_FromAPath_UsesTheFileNameAndClosesTheFile()
    {
        using var service = new MockService();
        service.Server.Given(Request.Create().UsingPost().WithPath("/openai/files")).RespondWith(Response.Create().WithStatusCode(201).WithBody(FileJson));
        string directory = Path.Combine(Path.GetTempPath(), "ft-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "train.jsonl");
        await File.WriteAllTextAsync(path, "{\"messages\":[]}\n");
        var progress = new ProgressRecorder();
        try
        {
            await FilesClient(service.Endpoint).UploadAsync(path, FilePurpose.FineTune, progress);

            string body = Encoding.UTF8.GetString(service.SingleRequest.RequestMessage.BodyAsBytes!);
            body.Should().Contain("filename=\"train.jsonl\"\r\nContent-Type: application/octet-stream\r\n\r\n{\"messages\":[]}\n\r\n--");
            progress.Last.Should().Be(16);
            ((Action)(() => File.Delete(path))).Should().NotThrow("the SDK closed the file it opened");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A 503 that asks to be retried (<c>Retry-After</c>): the service refused the upload, so it may be sent again.</summary>
    private static void FirstUnavailableThenCreated(MockService service)
    {
        service.Server.Given(Request.Create().UsingPost().WithPath("/openai/files")).InScenario("upload").WillSetStateTo("retried")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0").WithBody("""{"error":{"code":"serviceUnavailable","message":"Try again."}}"""));
        service.Server.Given(Request.Create().UsingPost().WithPath("/openai/files")).InScenario("upload").WhenStateIs("retried")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(FileJson));
    }

    [Fact]
    public async Task UploadAsync_SeekableStream_IsRewoundAndSentWholeOnRetry()
    {
        using var service = new MockService();
        FirstUnavailableThenCreated(service);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("xxline1\nline2\n"));
        content.Position = 2; // the upload starts where the stream is

        Response<FineTuningFile> response = await FilesClient(service.Endpoint, maxRetries: 2).UploadAsync(content, "a.jsonl", FilePurpose.FineTune);

        response.GetRawResponse().Status.Should().Be(201);
        service.Requests.Should().HaveCount(2);
        service.Requests.Select(r => Encoding.UTF8.GetString(r.RequestMessage.BodyAsBytes!)).Should()
            .OnlyContain(body => body.Contains("\r\n\r\nline1\nline2\n\r\n--", StringComparison.Ordinal) && !body.Contains("xx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadAsync_NonSeekableStream_IsNotRetried()
    {
        using var service = new MockService();
        FirstUnavailableThenCreated(service);
        using var content = new PatternStream(1000, seekable: false);

        RequestFailedException ex = (await ((Func<Task>)(() => FilesClient(service.Endpoint, maxRetries: 2).UploadAsync(content, "a.jsonl", FilePurpose.FineTune)))
            .Should().ThrowAsync<RequestFailedException>()).Which;

        ex.Status.Should().Be(503);
        ex.ErrorCode.Should().Be("serviceUnavailable");
        service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Upload_ChecksArgumentsBeforeSending()
    {
        FineTuningFilesClient files = FilesClient(new Uri("http://127.0.0.1:9"));
        using var content = new MemoryStream(new byte[1]);

        ((Action)(() => files.Upload((Stream)null!, "a.jsonl", FilePurpose.FineTune))).Should().Throw<ArgumentNullException>().WithParameterName("content");
        ((Action)(() => files.Upload(new NonReadableStream(), "a.jsonl", FilePurpose.FineTune))).Should().Throw<ArgumentException>().WithParameterName("content");
        ((Action)(() => files.Upload(content, "", FilePurpose.FineTune))).Should().Throw<ArgumentException>().WithParameterName("fileName");
        ((Action)(() => files.Upload(content, "a\r\nX-Injected: 1", FilePurpose.FineTune))).Should().Throw<ArgumentException>().WithParameterName("fileName");
        ((Action)(() => files.Upload(content, "a.jsonl", default))).Should().Throw<ArgumentException>().WithParameterName("purpose");
        ((Action)(() => files.Upload((string)null!, FilePurpose.FineTune))).Should().Throw<ArgumentNullException>().WithParameterName("path");
        await ((Func<Task>)(() => files.ImportAsync(new FineTuningFileImport()))).Should().ThrowAsync<ArgumentException>().WithParameterName("import");
        ((Action)(() => new FineTuningFileImport(new Uri("relative", UriKind.Relative), "a", FilePurpose.FineTune))).Should().Throw<ArgumentException>().WithParameterName("contentUrl");
    }

    private sealed class ProgressRecorder : IProgress<long>
    {
        private long _last = -1;

        public long Last => Interlocked.Read(ref _last);

        public bool Monotonic { get; private set; } = true;

        public void Report(long value)
        {
            if (value < Last)
            {
                Monotonic = false;
            }

            Interlocked.Exchange(ref _last, value);
        }
    }

    private sealed class NonReadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
