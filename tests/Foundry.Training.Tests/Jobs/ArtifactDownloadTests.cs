using System.Collections.Concurrent;
using Azure;
using Foundry.Training.Jobs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Jobs;

public sealed class ArtifactDownloadTests : JobsTestBase
{
    private const string ContentInfos = "/api/projects/proj/training_jobs/job-1/attempts/latest/artifacts/content_info_by_prefix";
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-dl-" + Guid.NewGuid().ToString("N"));

    private void ServeListing(params string[] paths)
    {
        string data = string.Join(",", paths.Select(p => $$"""{"path":"{{p}}","content_uri":"{{Service.Endpoint}}blob/{{Uri.EscapeDataString(p)}}?sv=1&sig=SECRET","content_type":"application/octet-stream"}"""));
        Service.Server.Given(Request.Create().WithPath(ContentInfos).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"data":[{{data}}],"has_more":false}"""));
    }

    private void ServeBlob(string path, byte[] content) =>
        Service.Server.Given(Request.Create().WithPath("/blob/" + path).UsingGet()).RespondWith(Response.Create().WithBody(content));

    [Fact]
    public async Task DownloadsEveryArtifactUnderThePrefixWithoutCredentials()
    {
        byte[] big = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i % 251)).ToArray();
        ServeListing("outputs/model/weights.bin", "outputs/model/config.json", "outputs/model/");
        ServeBlob("outputs/model/weights.bin", big);
        ServeBlob("outputs/model/config.json", "{\"a\":1}"u8.ToArray());
        var reports = new ConcurrentQueue<ArtifactDownloadProgress>();

        IReadOnlyList<DownloadedArtifact> files = await Client.DownloadArtifactsAsync("job-1", "latest", _destination, "outputs/", new SyncProgress(reports));

        files.Select(f => f.ArtifactPath).Should().Equal("outputs/model/weights.bin", "outputs/model/config.json");
        File.ReadAllBytes(Path.Combine(_destination, "outputs", "model", "weights.bin")).Should().Equal(big);
        File.ReadAllText(Path.Combine(_destination, "outputs", "model", "config.json")).Should().Be("{\"a\":1}");
        files[0].Length.Should().Be(big.Length);
        Directory.GetFiles(_destination, "*.partial", SearchOption.AllDirectories).Should().BeEmpty();
        reports.Should().Contain(r => r.CompletedFiles == 2 && r.TotalFiles == 2 && r.TotalBytes == big.Length + 7);
        reports.Count(r => r.ArtifactPath == "outputs/model/weights.bin").Should().BeGreaterThan(2, "progress is reported as bytes arrive");

        var listing = Service.Requests.Single(r => r.RequestMessage.AbsolutePath == ContentInfos);
        AssertFoundryRequest(listing, "GET", ContentInfos);
        QueryOf(listing).Should().Equal(new Dictionary<string, string> { ["path_prefix"] = "outputs/" });
        var blobRequests = Service.Requests.Where(r => r.RequestMessage.AbsolutePath.StartsWith("/blob/", StringComparison.Ordinal)).ToList();
        blobRequests.Should().HaveCount(2);
        blobRequests.Should().OnlyContain(r => !r.RequestMessage.Headers!.ContainsKey("Authorization") && !r.RequestMessage.Headers.ContainsKey("Foundry-Features"));
        blobRequests.Should().OnlyContain(r => r.RequestMessage.RawQuery == "?sv=1&sig=SECRET", "pre-signed URLs are used as given, without api-version");
    }

    [Fact]
    public void SyncTwinDownloadsToo()
    {
        ServeListing("a.txt");
        ServeBlob("a.txt", "hello"u8.ToArray());

        IReadOnlyList<DownloadedArtifact> files = Client.DownloadArtifacts("job-1", "latest", _destination);

        files.Single().LocalPath.Should().Be(Path.Combine(Path.GetFullPath(_destination), "a.txt"));
        File.ReadAllText(files.Single().LocalPath).Should().Be("hello");
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("outputs/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("outputs\\\\..\\\\..\\\\escape.txt")]
    public async Task UnsafePathsAreRejectedBeforeAnythingIsWritten(string path)
    {
        ServeListing("ok.txt", path);
        ServeBlob("ok.txt", "fine"u8.ToArray());

        Func<Task> download = async () => await Client.DownloadArtifactsAsync("job-1", "latest", _destination);

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("UnsafeArtifactPath");
        ex.Message.Should().EndWith(Environment.NewLine + "Status: 200 (OK)" + Environment.NewLine + "ErrorCode: UnsafeArtifactPath");
        Directory.Exists(_destination).Should().BeFalse("nothing is written when any path is unsafe");
        File.Exists(Path.Combine(Path.GetTempPath(), "escape.txt")).Should().BeFalse();
        Service.Requests.Should().NotContain(r => r.RequestMessage.AbsolutePath.StartsWith("/blob/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedBlobDownloadLeavesNoPartialFile()
    {
        ServeListing("missing.bin");
        Service.Server.Given(Request.Create().WithPath("/blob/missing.bin")).RespondWith(Response.Create().WithStatusCode(403).WithBody("<Error><Code>AuthenticationFailed</Code></Error>"));

        Func<Task> download = async () => await Client.DownloadArtifactsAsync("job-1", "latest", _destination);

        (await download.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(403);
        (Directory.Exists(_destination) ? Directory.GetFiles(_destination, "*", SearchOption.AllDirectories) : Array.Empty<string>()).Should().BeEmpty();
    }

    [Fact]
    public void RequiresADestination() =>
        ((Action)(() => Client.DownloadArtifacts("job-1", "latest", ""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("destinationDirectory");

    protected override void Cleanup()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SyncProgress : IProgress<ArtifactDownloadProgress>
    {
        private readonly ConcurrentQueue<ArtifactDownloadProgress> _reports;

        public SyncProgress(ConcurrentQueue<ArtifactDownloadProgress> reports) => _reports = reports;

        public void Report(ArtifactDownloadProgress value) => _reports.Enqueue(value);
    }
}

public class DownloadOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void MaxConcurrentDownloads_BelowOne_IsRejectedWhenSet(int value)
    {
        var options = new TrainingJobsClientOptions();

        FluentActions.Invoking(() => options.MaxConcurrentDownloads = value)
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxConcurrentDownloads");
        options.MaxConcurrentDownloads.Should().Be(4);
    }
}
