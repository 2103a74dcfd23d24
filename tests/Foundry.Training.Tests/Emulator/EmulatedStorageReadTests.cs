using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Foundry.Training.Jobs;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// The emulator's storage reads as Azure Blob Storage does: ranges (206, 416), conditional reads (<c>If-Match</c> 412,
/// <c>If-None-Match</c> 304), <c>ETag</c>, MD5 headers, HEAD; body faults on the wire; large files produced on demand.
/// </summary>
public sealed class EmulatedStorageReadTests : IDisposable
{
    private const long TensorBytes = 300_000;
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);
    private const string Weights = "outputs/model/adapter_model.safetensors";

    private readonly ManualClock _clock = new();
    private readonly FoundryTrainingEmulator _emulator;
    private readonly TrainingJobsClient _client;
    private readonly HttpClient _http = new();

    public EmulatedStorageReadTests()
    {
        _emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 2, WeightsFileBytes = TensorBytes });
        _client = _emulator.CreateTrainingJobsClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    private async Task<Uri> CompletedJobContentUriAsync(string path = Weights)
    {
        await _client.CreateAsync("storage", EmulatorJobs.SftWithLora());
        _clock.Advance(5 * s_step);
        return (await _client.GetArtifactContentInfoAsync("storage", "1", path)).Value.ContentUri!;
    }

    private Task<HttpResponseMessage> SendAsync(Uri uri, Action<HttpRequestMessage>? configure = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, uri);
        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task WholeRead_SendsTheBodyWithItsLengthETagAndMd5()
    {
        Uri uri = await CompletedJobContentUriAsync();

        using HttpResponseMessage response = await SendAsync(uri);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Length.Should().BeGreaterThan((int)TensorBytes);
        response.Content.Headers.ContentLength.Should().Be(body.Length);
        BitConverter.ToInt64(body, 0).Should().Be(body.Length - 8 - TensorBytes, "a safetensors file starts with its header's length");
        string md5 = Convert.ToBase64String(MD5.HashData(body));
        response.Content.Headers.ContentMD5.Should().Equal(MD5.HashData(body));
        response.Headers.GetValues("x-ms-blob-content-md5").Should().Equal(md5);
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.AcceptRanges.Should().Equal("bytes");
        response.Headers.GetValues("x-ms-blob-type").Should().Equal("BlockBlob");

        // The same bytes every time, and every position is the same byte whichever range it is read in.
        using HttpResponseMessage again = await SendAsync(uri);
        (await again.Content.ReadAsByteArrayAsync()).Should().Equal(body);
        again.Headers.ETag!.Tag.Should().Be(response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("bytes=0-9", 0, 10)]
    [InlineData("bytes=1001-2047", 1001, 1047)]
    [InlineData("bytes=299000-", 299000, -1)]
    [InlineData("bytes=-5", -5, 5)]
    [InlineData("bytes=100-99999999", 100, -1)]
    public async Task RangedRead_Sends206WithContentRangeAndExactlyThoseBytes(string range, long start, int length)
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage whole = await SendAsync(uri);
        byte[] all = await whole.Content.ReadAsByteArrayAsync();
        long from = start < 0 ? all.Length + start : start;
        long count = length < 0 ? all.Length - from : length;

        using HttpResponseMessage response = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", range));

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes {from}-{from + count - 1}/{all.Length}");
        response.Content.Headers.ContentLength.Should().Be(count);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(all.Skip((int)from).Take((int)count));
        response.Headers.GetValues("x-ms-blob-content-md5").Should().Equal(new[] { Convert.ToBase64String(MD5.HashData(all)) }, "the blob's MD5 is sent, not the range's");
        response.Content.Headers.ContentMD5.Should().BeNull();
    }

    [Fact]
    public async Task XMsRange_WinsOverRange_AndCanAskForTheRangesMd5()
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage response = await SendAsync(uri, r =>
        {
            r.Headers.TryAddWithoutValidation("Range", "bytes=0-0");
            r.Headers.Add("x-ms-range", "bytes=8-15");
            r.Headers.Add("x-ms-range-get-content-md5", "true");
        });

        byte[] body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        body.Should().HaveCount(8);
        response.Content.Headers.ContentMD5.Should().Equal(MD5.HashData(body));
    }

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("items=0-9")]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=x-9")]
    public async Task RangeItCannotHonour_IsIgnored_AndTheWholeBodySent(string range)
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage response = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", range));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().Be((int)response.Content.Headers.ContentLength!.Value);
    }

    [Fact]
    public async Task RangeBeyondTheEnd_Is416WithTheLength()
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage head = await SendAsync(uri, method: HttpMethod.Head);
        long length = head.Content.Headers.ContentLength!.Value;

        using HttpResponseMessage response = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", $"bytes={length}-"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes */{length}");
        response.Headers.GetValues("x-ms-error-code").Should().Equal("InvalidRange");
    }

    [Fact]
    public async Task Head_SendsTheHeadersAndNoBody()
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage response = await SendAsync(uri, method: HttpMethod.Head);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().BeGreaterThan(TensorBytes);
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.GetValues("x-ms-blob-content-md5").Single().Should().NotBeEmpty();
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task IfMatch_ServesTheSameVersion_AndRefusesAChangedOne()
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage first = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", "bytes=0-99"));
        EntityTagHeaderValue etag = first.Headers.ETag!;

        using HttpResponseMessage same = await SendAsync(uri, r =>
        {
            r.Headers.TryAddWithoutValidation("Range", "bytes=100-199");
            r.Headers.IfMatch.Add(etag);
        });
        using HttpResponseMessage other = await SendAsync(uri, r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0xOTHER\"")));
        using HttpResponseMessage notModified = await SendAsync(uri, r => r.Headers.IfNoneMatch.Add(etag));

        same.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        other.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        other.Headers.GetValues("x-ms-error-code").Should().Equal("ConditionNotMet");
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task GrowingLog_ChangesItsETag_SoARangeOfTheOldVersionIsRefused()
    {
        await _client.CreateAsync("storage", EmulatorJobs.SftWithLora());
        _clock.Advance(2 * s_step);
        Uri uri = (await _client.GetArtifactContentInfoAsync("storage", "1", "logs/std_log.txt")).Value.ContentUri!;
        using HttpResponseMessage before = await SendAsync(uri);
        byte[] start = await before.Content.ReadAsByteArrayAsync();

        _clock.Advance(s_step);
        using HttpResponseMessage rest = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", $"bytes={start.Length}-"));
        using HttpResponseMessage stale = await SendAsync(uri, r =>
        {
            r.Headers.TryAddWithoutValidation("Range", $"bytes={start.Length}-");
            r.Headers.IfMatch.Add(before.Headers.ETag!);
        });

        rest.StatusCode.Should().Be(HttpStatusCode.PartialContent, "the log grew: its new lines are a range from the saved offset");
        (await rest.Content.ReadAsStringAsync()).Should().Contain("step 1/2");
        rest.Headers.ETag!.Tag.Should().NotBe(before.Headers.ETag!.Tag);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ResetDuringBody_CutsTheConnectionAfterThatManyBytes_ThenServesNormally()
    {
        Uri uri = await CompletedJobContentUriAsync();
        _emulator.Faults.ResetDuringBody(afterBytes: 100_000);

        using HttpResponseMessage broken = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
        Stream body = await broken.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        Func<Task> read = () => body.CopyToAsync(received);

        await read.Should().ThrowAsync<IOException>();
        received.Length.Should().BeInRange(1, 100_000, "a reset can lose bytes still on their way, never add any");
        broken.Content.Headers.ContentLength.Should().BeGreaterThan(100_000);
        _emulator.Faults.Pending.Should().Be(0);
        _emulator.Requests.Last().Faulted.Should().BeTrue();

        using HttpResponseMessage healthy = await SendAsync(uri);
        (await healthy.Content.ReadAsByteArrayAsync()).Length.Should().Be((int)healthy.Content.Headers.ContentLength!.Value);
    }

    [Fact]
    public async Task BodyFaults_WaitForABodyLongEnough()
    {
        Uri uri = await CompletedJobContentUriAsync();
        _emulator.Faults.ResetDuringBody(afterBytes: 1_000);

        using HttpResponseMessage small = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", "bytes=0-99"));
        (await small.Content.ReadAsByteArrayAsync()).Should().HaveCount(100);
        _emulator.Faults.Pending.Should().Be(1);
    }

    [Fact]
    public async Task CorruptBody_FlipsOneByte_AndLeavesTheMd5Headers()
    {
        Uri uri = await CompletedJobContentUriAsync();
        using HttpResponseMessage clean = await SendAsync(uri);
        byte[] expected = await clean.Content.ReadAsByteArrayAsync();
        _emulator.Faults.CorruptBody(atByte: 1234);

        using HttpResponseMessage corrupted = await SendAsync(uri);
        byte[] actual = await corrupted.Content.ReadAsByteArrayAsync();

        actual.Should().HaveCount(expected.Length);
        Enumerable.Range(0, actual.Length).Where(i => actual[i] != expected[i]).Should().Equal(1234);
        actual[1234].Should().Be((byte)(expected[1234] ^ 0xFF));
        corrupted.Content.Headers.ContentMD5.Should().Equal(MD5.HashData(expected));
    }

    [Fact]
    public void BodyFaultsAndStorageOptions_RefuseValuesOutOfRange()
    {
        FluentActions.Invoking(() => _emulator.Faults.ResetDuringBody(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("afterBytes");
        FluentActions.Invoking(() => _emulator.Faults.CorruptBody(0, count: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        var options = new FoundryTrainingEmulatorOptions();
        FluentActions.Invoking(() => options.StorageBandwidthPerConnection = 0).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options.WeightsFileBytes = -1).Should().Throw<ArgumentOutOfRangeException>();
        options.StorageBandwidthPerConnection = null;
        options.StorageBandwidthPerConnection.Should().BeNull();
    }

    [Fact]
    public async Task MultiGigabyteWeights_AreListedAndReadByRange_WithoutBeingProduced()
    {
        using FoundryTrainingEmulator emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { TimeProvider = _clock, StepInterval = s_step, TrainingSteps = 2, WeightsFileBytes = 8L << 30 });
        TrainingJobsClient client = emulator.CreateTrainingJobsClient();
        await client.CreateAsync("big", EmulatorJobs.SftWithLora());
        _clock.Advance(5 * s_step);

        JobArtifact listed = (await client.GetArtifactsAsync("big", "1", new ArtifactListOptions { PathPrefix = Weights }).ToListAsync()).Single();
        Uri uri = (await client.GetArtifactContentInfoAsync("big", "1", Weights)).Value.ContentUri!;
        using HttpResponseMessage tail = await SendAsync(uri, r => r.Headers.TryAddWithoutValidation("Range", "bytes=-16"));

        listed.Size.Should().BeGreaterThan(8L << 30);
        tail.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        tail.Content.Headers.ContentRange!.Length.Should().Be(listed.Size);
        (await tail.Content.ReadAsByteArrayAsync()).Should().HaveCount(16);
    }
}
