using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// <c>DownloadArtifacts</c> against the emulator's storage: files fetched in parallel ranged parts, resumed after a
/// reset mid-part, checked against the storage's MD5, started again when the file changes, cancelled without leftovers,
/// and skipped on a rerun when already complete.
/// </summary>
public sealed class ParallelDownloadTests : IDisposable
{
    private const int PartSize = 64 * 1024;
    private const string Weights = "outputs/model/adapter_model.safetensors";
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-parallel-dl-" + Guid.NewGuid().ToString("N"));

    public ParallelDownloadTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 2, WeightsFileBytes = 1_000_000 });
    }

    public void Dispose()
    {
        _emulator.Dispose();
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    private TrainingJobsClient Client(int concurrency = 4, int partSize = PartSize)
    {
        var options = new TrainingJobsClientOptions();
        options.Transfers.PartSize = partSize;
        options.Transfers.MaximumConcurrency = concurrency;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return _emulator.CreateTrainingJobsClient(options);
    }

    private async Task<byte[]> CompletedWeightsAsync()
    {
        await Client().CreateAsync("weights", EmulatorJobs.SftWithLora());
        _clock.Advance(5 * s_step);
        Uri uri = (await Client().GetArtifactContentInfoAsync("weights", "1", Weights)).Value.ContentUri!;
        using var http = new HttpClient();
        byte[] whole = await http.GetByteArrayAsync(uri);
        _emulator.ClearRequests();
        return whole;
    }

    private List<EmulatorRequest> StorageReads(string path) =>
        _emulator.Requests.Where(r => r.Service == EmulatedService.Storage && r.Path.EndsWith("/" + path, StringComparison.Ordinal)).ToList();

    private static long RangeStart(EmulatorRequest request) => long.Parse(request.Headers["Range"]["bytes=".Length..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

    private string[] FilesUnder() => Directory.Exists(_destination) ? Directory.GetFiles(_destination, "*", SearchOption.AllDirectories) : Array.Empty<string>();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LargeFile_IsFetchedInRangedParts_UnderIfMatch_AndWrittenWhole(bool async)
    {
        byte[] expected = await CompletedWeightsAsync();
        TrainingJobsClient client = Client();

        IReadOnlyList<DownloadedArtifact> files = async
            ? await client.DownloadArtifactsAsync("weights", "1", _destination, "outputs/model/")
            : await Task.Run(() => client.DownloadArtifacts("weights", "1", _destination, "outputs/model/"));

        DownloadedArtifact weights = files.Single(f => f.ArtifactPath == Weights);
        weights.Length.Should().Be(expected.Length);
        (await File.ReadAllBytesAsync(weights.LocalPath)).Should().Equal(expected);
        List<EmulatorRequest> reads = StorageReads(Weights);
        reads.Select(RangeStart).Order().Should().Equal(Enumerable.Range(0, (expected.Length + PartSize - 1) / PartSize).Select(i => (long)i * PartSize));
        reads.Should().OnlyContain(r => r.StatusCode == 206 && r.Method == "GET");
        reads.Single(r => RangeStart(r) == 0).Headers.Should().NotContainKey("If-Match", "the first part learns the version");
        reads.Where(r => RangeStart(r) > 0).Select(r => r.Headers["If-Match"]).Distinct().Should().ContainSingle();
        FilesUnder().Should().OnlyContain(f => !f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectionResetMidPart_FetchesOnlyTheRestOfThatPart()
    {
        byte[] expected = await CompletedWeightsAsync();
        _emulator.Faults.ResetDuringBody(afterBytes: 40_000, count: 3);

        IReadOnlyList<DownloadedArtifact> files = await Client().DownloadArtifactsAsync("weights", "1", _destination, Weights);

        (await File.ReadAllBytesAsync(files.Single().LocalPath)).Should().Equal(expected);
        List<EmulatorRequest> reads = StorageReads(Weights);
        reads.Count(r => r.Faulted).Should().Be(3);
        List<long> resumed = reads.Select(RangeStart).Where(start => start % PartSize != 0).ToList();
        resumed.Should().HaveCount(3, "each broken part is asked for again from the byte it reached, not from its start");
        resumed.Should().OnlyContain(start => start % PartSize > 0 && start % PartSize <= 40_000);
        _emulator.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task ServerErrorOnAPart_IsRetried_ForThatPartOnly()
    {
        byte[] expected = await CompletedWeightsAsync();
        _emulator.Faults.ServiceUnavailable(count: 2, service: EmulatedService.Storage);

        IReadOnlyList<DownloadedArtifact> files = await Client(concurrency: 1).DownloadArtifactsAsync("weights", "1", _destination, Weights);

        (await File.ReadAllBytesAsync(files.Single().LocalPath)).Should().Equal(expected);
        List<EmulatorRequest> reads = StorageReads(Weights);
        reads.Count(r => r.StatusCode == 503).Should().Be(2);
        reads.Count(r => r.StatusCode == 206).Should().Be((expected.Length + PartSize - 1) / PartSize);
    }

    [Fact]
    public async Task CorruptedByte_FailsWithArtifactCorrupted_NamingTheFile_AndKeepsNothing()
    {
        await CompletedWeightsAsync();
        _emulator.Faults.CorruptBody(atByte: 1_000);

        Func<Task> download = () => Client().DownloadArtifactsAsync("weights", "1", _destination, Weights);

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactCorrupted");
        ex.Message.Should().Contain("'" + Weights + "'").And.Contain("MD5").And.NotContain("sig=");
        FilesUnder().Should().BeEmpty();
    }

    [Fact]
    public async Task FileThatChangesBetweenParts_IsStartedAgain_AndEndsAsOneVersion()
    {
        using FoundryTrainingEmulator emulator = LongRunning();
        TrainingJobsClient client = Client(emulator);
        string log = "logs/std_log.txt";
        await client.CreateAsync("long", EmulatorJobs.Command());
        _clock.Advance(40 * s_step); // The log grows a line a step: several parts by now.
        int changes = 0;
        var progress = new Reports(_ =>
        {
            if (Interlocked.Increment(ref changes) == 1)
            {
                _clock.Advance(s_step); // The log grows while its first part is being read.
            }
        });

        IReadOnlyList<DownloadedArtifact> files = await client.DownloadArtifactsAsync("long", "1", _destination, log, progress);

        using var http = new HttpClient();
        string now = await http.GetStringAsync((await client.GetArtifactContentInfoAsync("long", "1", log)).Value.ContentUri!);
        (await File.ReadAllTextAsync(files.Single().LocalPath)).Should().Be(now, "the download started again from the new version");
        List<EmulatorRequest> reads = emulator.Requests.Where(r => r.Service == EmulatedService.Storage && r.Headers.ContainsKey("Range")).ToList();
        reads.Should().Contain(r => r.StatusCode == 412, "a later part asked for the old version");
        reads.Count(r => RangeStart(r) == 0 && r.StatusCode == 206).Should().Be(2);
    }

    [Fact]
    public async Task FileThatKeepsChanging_FailsWithArtifactChanged()
    {
        using FoundryTrainingEmulator emulator = LongRunning();
        TrainingJobsClient client = Client(emulator);
        await client.CreateAsync("long", EmulatorJobs.Command());
        _clock.Advance(40 * s_step);
        var progress = new Reports(_ => _clock.Advance(s_step));

        Func<Task> download = () => client.DownloadArtifactsAsync("long", "1", _destination, "logs/std_log.txt", progress);

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactChanged");
        ex.Message.Should().Contain("'logs/std_log.txt'");
        FilesUnder().Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancelled_MidTransfer_ThrowsOperationCanceled_AndLeavesNoFile(bool async)
    {
        await CompletedWeightsAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new Reports(_ => cancel.Cancel());
        TrainingJobsClient client = Client();

        Func<Task> download = async
            ? () => client.DownloadArtifactsAsync("weights", "1", _destination, Weights, progress, cancel.Token)
            : () => Task.Run(() => client.DownloadArtifacts("weights", "1", _destination, Weights, progress, cancel.Token));

        await download.Should().ThrowAsync<OperationCanceledException>();
        FilesUnder().Should().BeEmpty();
    }

    [Fact]
    public async Task Rerun_SkipsFilesAlreadyCompleteAndVerified_AndFetchesOnesThatDiffer()
    {
        byte[] expected = await CompletedWeightsAsync();
        TrainingJobsClient client = Client();
        IReadOnlyList<DownloadedArtifact> first = await client.DownloadArtifactsAsync("weights", "1", _destination, "outputs/");
        string config = first.Single(f => f.ArtifactPath == "outputs/model/adapter_config.json").LocalPath;
        await File.WriteAllTextAsync(config, "{ \"tampered\": true }");
        _emulator.ClearRequests();

        IReadOnlyList<DownloadedArtifact> second = await client.DownloadArtifactsAsync("weights", "1", _destination, "outputs/");

        second.Select(f => (f.ArtifactPath, f.Length)).Should().Equal(first.Select(f => (f.ArtifactPath, f.Length)));
        StorageReads(Weights).Should().ContainSingle().Which.Method.Should().Be("HEAD", "a complete, verified file is only checked");
        StorageReads("metrics.json").Should().ContainSingle().Which.Method.Should().Be("HEAD");
        StorageReads("adapter_config.json").Select(r => r.Method).Should().Equal("HEAD", "GET");
        (await File.ReadAllBytesAsync(first.Single(f => f.ArtifactPath == Weights).LocalPath)).Should().Equal(expected);
        (await File.ReadAllTextAsync(config)).Should().Contain("peft_type");
    }

    [Fact]
    public void TransferOptions_RefuseValuesOutOfRange()
    {
        var options = new TransferOptions();
        options.MaximumConcurrency.Should().Be(8);
        options.PartSize.Should().Be(8 * 1024 * 1024);
        FluentActions.Invoking(() => options.MaximumConcurrency = 0).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaximumConcurrency");
        FluentActions.Invoking(() => options.MaximumConcurrency = 65).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options.PartSize = 1023).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("PartSize");
    }

    /// <summary>An emulator whose jobs run long enough for their logs to keep growing; read one part at a time.</summary>
    private FoundryTrainingEmulator LongRunning() =>
        FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 1000 });

    private static TrainingJobsClient Client(FoundryTrainingEmulator emulator)
    {
        var options = new TrainingJobsClientOptions();
        options.Transfers.PartSize = 1024;
        options.Transfers.MaximumConcurrency = 1;
        return emulator.CreateTrainingJobsClient(options);
    }

    /// <summary>Reports on the downloading thread (<see cref="Progress{T}"/> would post to a context).</summary>
    private sealed class Reports : IProgress<ArtifactDownloadProgress>
    {
        private readonly Action<ArtifactDownloadProgress> _report;

        public Reports(Action<ArtifactDownloadProgress> report) => _report = report;

        public void Report(ArtifactDownloadProgress value) => _report(value);
    }
}
