using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Jobs;

/// <summary>A bulk artifact download streams to disk: memory does not grow with the size of the files.</summary>
[Collection(nameof(FineTuning.LargeUploadCollection))]
public sealed class ArtifactDownloadMemoryTests : JobsTestBase
{
    private const long LargeSize = 256L * 1024 * 1024;
    private readonly ITestOutputHelper _output;
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-audit-big-" + Guid.NewGuid().ToString("N"));

    public ArtifactDownloadMemoryTests(ITestOutputHelper output) => _output = output;

    protected override void Cleanup()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A256MiBArtifactIsStreamedToDiskWithBoundedAllocations(bool async)
    {
        using var blobs = new PatternDownloadServer(LargeSize);
        Service.Server.Given(Request.Create().UsingGet().WithPath("/api/projects/proj/training_jobs/job-1/attempts/latest/artifacts/content_info_by_prefix"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                $$"""{"data":[{"path":"model/weights.safetensors","content_uri":"{{blobs.Endpoint}}c/weights.safetensors?sv=1&sig=SECRET"}],"has_more":false}"""));
        long lastReported = 0;
        var progress = new Progress(p => Interlocked.Exchange(ref lastReported, p.TotalBytes));

        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        IReadOnlyList<DownloadedArtifact> files = async
            ? await Client.DownloadArtifactsAsync("job-1", "latest", _destination, "model/", progress)
            : Client.DownloadArtifacts("job-1", "latest", _destination, "model/", progress);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        _output.WriteLine($"Downloading {LargeSize:N0} bytes ({(async ? "async" : "sync")}) allocated {allocated:N0} bytes.");

        DownloadedArtifact file = files.Should().ContainSingle().Subject;
        file.Length.Should().Be(LargeSize);
        Interlocked.Read(ref lastReported).Should().Be(LargeSize);
        allocated.Should().BeLessThan(LargeSize / 16, "a 256 MiB artifact must be streamed to disk, not buffered (allocated {0:N0} bytes)", allocated);
        blobs.Requests.Should().ContainSingle().Which.Should().StartWith("GET /c/weights.safetensors?sv=1&sig=SECRET HTTP/1.1").And.NotContain("Authorization");
        AssertSameAsPattern(file.LocalPath);
    }

    /// <summary>Compares the file with the generated content, 1 MiB at a time.</summary>
    private static void AssertSameAsPattern(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        stream.Length.Should().Be(LargeSize);
        byte[] buffer = new byte[1 << 20];
        long position = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            buffer.AsSpan(0, read).SequenceEqual(PatternStream.Expected(position, read)).Should().BeTrue($"the bytes at {position:N0} match what the server sent");
            position += read;
        }
    }

    /// <summary>Reports on the downloading thread (<see cref="Progress{T}"/> would post to a context).</summary>
    private sealed class Progress : IProgress<ArtifactDownloadProgress>
    {
        private readonly Action<ArtifactDownloadProgress> _report;

        public Progress(Action<ArtifactDownloadProgress> report) => _report = report;

        public void Report(ArtifactDownloadProgress value) => _report(value);
    }
}
