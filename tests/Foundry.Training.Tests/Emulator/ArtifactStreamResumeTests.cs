using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// <c>DownloadArtifact</c>'s stream against the emulator's artifact content route (which advertises ranges, an
/// <c>ETag</c> and the MD5, as storage does): a body cut mid-transfer is resumed from the last byte with a range request
/// under <c>If-Match</c>; a corrupted body, a new version and a connection that keeps breaking fail with a
/// <see cref="RequestFailedException"/> naming the artifact; a cancelled read throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ArtifactStreamResumeTests : IDisposable
{
    private const string Weights = "outputs/model/adapter_model.safetensors";
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;

    public ArtifactStreamResumeTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 2, WeightsFileBytes = 1_000_000 });
    }

    public void Dispose() => _emulator.Dispose();

    private static TrainingJobsClient Client(FoundryTrainingEmulator emulator)
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return emulator.CreateTrainingJobsClient(options);
    }

    private async Task<byte[]> CompletedWeightsAsync()
    {
        TrainingJobsClient client = Client(_emulator);
        await client.CreateAsync("weights", EmulatorJobs.SftWithLora());
        _clock.Advance(5 * s_step);
        using Stream whole = (await client.DownloadArtifactAsync("weights", "1", Weights)).Value;
        using var copy = new MemoryStream();
        await whole.CopyToAsync(copy);
        _emulator.ClearRequests();
        return copy.ToArray();
    }

    private static List<EmulatorRequest> ContentReads(FoundryTrainingEmulator emulator) =>
        emulator.Requests.Where(r => r.Path.EndsWith("/artifacts/content", StringComparison.Ordinal)).ToList();

    private static async Task<byte[]> ReadAllAsync(Stream stream, bool async)
    {
        using var copy = new MemoryStream();
        if (async)
        {
            await stream.CopyToAsync(copy);
        }
        else
        {
            stream.CopyTo(copy);
        }

        return copy.ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyCutMidTransfer_IsResumedFromTheLastByte_UnderIfMatch(bool async)
    {
        byte[] expected = await CompletedWeightsAsync();
        expected.Length.Should().BeGreaterThan(600_000, "two cuts of 300,000 bytes fall within it");
        _emulator.Faults.ResetDuringBody(afterBytes: 300_000, count: 2);
        TrainingJobsClient client = Client(_emulator);

        using Stream stream = async
            ? (await client.DownloadArtifactAsync("weights", "1", Weights)).Value
            : client.DownloadArtifact("weights", "1", Weights).Value;
        byte[] actual = await ReadAllAsync(stream, async);

        actual.Should().Equal(expected);
        List<EmulatorRequest> reads = ContentReads(_emulator);
        reads.Should().HaveCount(3, "the first answer and two resumptions, each cut once");
        reads[0].Headers.Should().NotContainKey("Range");
        reads[0].Query["path"].Should().Be(Weights);
        long[] starts = reads.Skip(1).Select(r => long.Parse(r.Headers["Range"]["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        starts[0].Should().BeInRange(1, 300_000, "the rest is asked for from the byte the stream reached");
        starts[1].Should().BeInRange(starts[0] + 1, starts[0] + 300_000);
        reads.Skip(1).Should().OnlyContain(r => r.StatusCode == 206 && r.Method == "GET" && r.Query["path"] == Weights && r.Headers.ContainsKey("Authorization"));
        reads.Skip(1).Select(r => r.Headers["If-Match"]).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
        _emulator.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task CorruptedByte_FailsAtTheEndOfTheStream_WithArtifactCorrupted()
    {
        await CompletedWeightsAsync();
        _emulator.Faults.CorruptBody(atByte: 500_000);
        using Stream stream = (await Client(_emulator).DownloadArtifactAsync("weights", "1", Weights)).Value;

        Func<Task> read = () => ReadAllAsync(stream, async: true);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactCorrupted");
        ex.Message.Should().Contain("'" + Weights + "'");
    }

    [Fact]
    public async Task ConnectionThatKeepsBreaking_FailsWithArtifactDownloadIncomplete_AfterThreeFruitlessResumptions()
    {
        await CompletedWeightsAsync();
        _emulator.Faults.ResetDuringBody(afterBytes: 0, count: 4);
        using Stream stream = (await Client(_emulator).DownloadArtifactAsync("weights", "1", Weights)).Value;

        Func<Task> read = () => ReadAllAsync(stream, async: true);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactDownloadIncomplete");
        ex.Message.Should().Contain("'" + Weights + "'").And.Contain("byte 0");
        ContentReads(_emulator).Should().HaveCount(4);
        _emulator.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task ArtifactThatChangesBeforeTheResumption_FailsWithArtifactChanged()
    {
        using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 1000 });
        TrainingJobsClient client = Client(emulator);
        const string log = "logs/std_log.txt";
        await client.CreateAsync("long", EmulatorJobs.Command());
        _clock.Advance(40 * s_step); // The log grows a line a step.
        emulator.Faults.ResetDuringBody(afterBytes: 100);
        using Stream stream = (await client.DownloadArtifactAsync("long", "1", log)).Value;
        _clock.Advance(s_step); // A new version while the first is being read.

        Func<Task> read = () => ReadAllAsync(stream, async: true);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactChanged");
        ex.Message.Should().Contain("'" + log + "'");
        ContentReads(emulator).Last().StatusCode.Should().Be(412, "the rest was asked for only from the version first read");
    }

    [Fact]
    public async Task CancelledRead_ThrowsOperationCanceled_AndAsksForNothingMore()
    {
        await CompletedWeightsAsync();
        _emulator.Faults.ResetDuringBody(afterBytes: 200_000);
        using Stream stream = (await Client(_emulator).DownloadArtifactAsync("weights", "1", Weights)).Value;
        byte[] buffer = new byte[8192];
        _ = await stream.ReadAsync(buffer);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Func<Task> read = async () =>
        {
            while (await stream.ReadAsync(buffer, cancel.Token) > 0)
            {
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
        ContentReads(_emulator).Should().ContainSingle();
    }
}
