using System.Text;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Servers that lie about or leave out the length of a body the client buffers. Memory follows the bytes that arrive,
/// never a declared length; nothing is buffered past <c>MaxResponseContentBufferSize</c> (a
/// <see cref="RequestFailedException"/> <c>ResponseTooLarge</c> instead, an error body cut there); streamed downloads
/// are not limited. Runs alone: one test measures the process's allocations.
/// </summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class BufferingHostileTests
{
    private const long Declared = 250_000_000;
    private readonly ITestOutputHelper _output;

    public BufferingHostileTests(ITestOutputHelper output) => _output = output;

    private static readonly byte[] s_hundredBytes = HostileResponses.Content(100);

    private static ConnectionFault Liar(long declared = Declared) => ConnectionFault.Raw(HostileResponses.WithLength(200, declared, s_hundredBytes));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ALyingContentLength_CostsWhatArrivedNotWhatWasDeclared(bool async)
    {
        // The limit is raised above the declared length so that the lie is believed as far as it can be.
        using var server = new FaultyServer(Liar());
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 512L * 1024 * 1024);

        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        Func<Task> read = () => FaultTarget.TrainingJob.Read(clients, async, CancellationToken.None);
        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        _output.WriteLine($"{server.Requests.Count} attempts at a body declared as {Declared:N0} bytes allocated {allocated:N0} bytes.");

        ex.Status.Should().Be(0, "a body cut short is a transport failure");
        server.Requests.Should().HaveCount(FaultClients.MaxRetries + 1, "each attempt is cut short and retried");
        allocated.Should().BeLessThan(32L * 1024 * 1024, "memory follows what arrived (100 bytes an attempt), not the declared 250 MB (allocated {0:N0} bytes)", allocated);
    }

    [Theory]
    [MemberData(nameof(FaultTarget.AllSyncAndAsync), MemberType = typeof(FaultTarget))]
    public async Task ADeclaredLengthOverTheLimit_FailsAtOnceWithoutRetrying(string name, bool async)
    {
        FaultTarget target = FaultTarget.Named(name);
        using var server = new FaultyServer(Liar());
        var clients = new FaultClients(server.Endpoint);

        Func<Task> read = () => target.Read(clients, async, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ResponseTooLarge");
        ex.Status.Should().Be(200);
        ex.Message.Should().Contain("declares 250000000 bytes").And.Contain("67108864").And.Contain("MaxResponseContentBufferSize");
        server.Requests.Should().ContainSingle("a body too large once is too large again");
    }

    [Fact]
    public async Task AContentLengthBeyondTwoGigabytes_IsResponseTooLarge()
    {
        // Azure.Core's Response.Headers.ContentLength throws OverflowException past int.MaxValue.
        using var server = new FaultyServer(Liar(5_000_000_000));
        var clients = new FaultClients(server.Endpoint);

        Func<Task> read = () => FaultTarget.TrainingJob.Read(clients, true, CancellationToken.None);

        (await read.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("ResponseTooLarge");
    }

    private static byte[] WithoutLength(string framing, int status, byte[] body) =>
        framing == "chunked" ? HostileResponses.Chunked(status, body, 1000) : HostileResponses.UntilClose(status, body);

    [Theory]
    [InlineData("chunked", true)]
    [InlineData("chunked", false)]
    [InlineData("until close", true)]
    [InlineData("until close", false)]
    public async Task ABodyWithoutLengthOverTheLimit_FailsWithResponseTooLarge(string framing, bool async)
    {
        using var server = new FaultyServer(ConnectionFault.Raw(WithoutLength(framing, 200, HostileResponses.Content(10_000))));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 4096);

        Func<Task> read = () => FaultTarget.FineTuningJob.Read(clients, async, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ResponseTooLarge");
        ex.Message.Should().Contain("longer than the 4096 bytes");
        server.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("chunked", 0)]
    [InlineData("chunked", -1)]
    [InlineData("until close", 0)]
    [InlineData("until close", -1)]
    public async Task ABodyWithoutLength_IsReadUpToExactlyTheLimit(string framing, int limitOffset)
    {
        FaultTarget target = FaultTarget.File;
        byte[] body = Encoding.UTF8.GetBytes(target.Body);
        using var server = new FaultyServer(ConnectionFault.Raw(WithoutLength(framing, 200, body)));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: body.Length + limitOffset);

        Func<Task<string?>> read = () => target.Read(clients, true, CancellationToken.None);

        if (limitOffset == 0)
        {
            (await read()).Should().Be(target.Id);
        }
        else
        {
            (await read.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("ResponseTooLarge");
        }
    }

    [Theory]
    [InlineData(200)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public async Task AKnownLengthBody_EndsUpInOneArrayOfExactlyItsSize(int size)
    {
        // A job padded with an unknown property to the size wanted (ASCII, so characters are bytes).
        string head = """{"name":"j1","id":"/projects/p/training_jobs/j1","properties":{"job_type":"command","status":"Running"},"padding":" """;
        string body = head + new string('x', size - head.Length - 2) + "\"}";
        using var server = new FaultyServer(ConnectionFault.Respond(200, body));
        var clients = new FaultClients(server.Endpoint);

        Response<TrainingJob> job = await clients.Jobs.GetAsync("j1");

        job.Value.Name.Should().Be("j1");
        job.Value.AdditionalProperties.Should().ContainKey("padding");
        var content = job.GetRawResponse().ContentStream.Should().BeOfType<MemoryStream>().Subject;
        content.TryGetBuffer(out ArraySegment<byte> buffer).Should().BeTrue();
        buffer.Count.Should().Be(size);
        buffer.Array!.Length.Should().Be(size, "a body of known length is read into an array of exactly that length");
    }

    [Fact]
    public async Task AnErrorBodyOverTheLimit_IsCutThere_AndItsStatusStillDrivesRetries()
    {
        byte[] error = Encoding.UTF8.GetBytes("""{"error":{"code":"Busy","message":" """ + new string('x', 20_000) + "\"}}");
        using var server = new FaultyServer(
            ConnectionFault.Raw(HostileResponses.WithLength(503, error.Length, error)),
            ConnectionFault.Raw(HostileResponses.Chunked(503, error, 4096)),
            ConnectionFault.Respond(200, FaultTarget.TrainingJob.Body));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 1024);

        (await FaultTarget.TrainingJob.Read(clients, true, CancellationToken.None)).Should().Be("j1");

        server.Requests.Should().HaveCount(3, "a 503 is retried whatever the size of its body");
    }

    [Theory]
    [InlineData("with length")]
    [InlineData("chunked")]
    public async Task AnErrorBodyOverTheLimit_IsReportedCutAtTheLimit(string framing)
    {
        byte[] error = Encoding.UTF8.GetBytes("""{"error":{"code":"Bad","message":" """ + new string('x', 20_000) + "\"}}");
        using var server = new FaultyServer(ConnectionFault.Raw(framing == "chunked" ? HostileResponses.Chunked(400, error, 4096) : HostileResponses.WithLength(400, error.Length, error)));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 1024);

        Func<Task> read = () => FaultTarget.FineTuningJob.Read(clients, false, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(400);
        ex.GetRawResponse()!.Content.ToMemory().Length.Should().Be(1024);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AStreamedErrorBody_IsReadOnlyUpToTheLimit(bool async)
    {
        byte[] error = HostileResponses.Content(64 * 1024);
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.Chunked(404, error, 8192)));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 100);

        Func<Task> download = async
            ? () => clients.Jobs.DownloadArtifactAsync("job-1", TrainingJobsClient.LatestAttempt, "model.bin")
            : () => Task.Run(() => clients.Jobs.DownloadArtifact("job-1", TrainingJobsClient.LatestAttempt, "model.bin"));

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(404);
        ex.GetRawResponse()!.Content.ToMemory().Length.Should().Be(100);
    }

    [Theory]
    [InlineData("artifact")]
    [InlineData("file")]
    public async Task StreamedDownloads_AreNotLimited(string kind)
    {
        byte[] content = HostileResponses.Content(256 * 1024);
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.UntilClose(200, content, "application/octet-stream")));
        var clients = new FaultClients(server.Endpoint, maxResponseContentBufferSize: 1024);

        using Stream stream = kind == "artifact"
            ? (await clients.Jobs.DownloadArtifactAsync("job-1", TrainingJobsClient.LatestAttempt, "model.bin")).Value
            : (await clients.Files.DownloadContentAsync("file-1")).Value;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        copy.ToArray().Should().Equal(content);
    }

    [Fact]
    public async Task TheLimit_IsReadOnEveryResponse()
    {
        using var server = new FaultyServer(ConnectionFault.Respond(200, FaultTarget.TrainingJob.Body));
        var options = new TrainingJobsClientOptions();
        var client = new TrainingJobsClient(new Uri(server.Endpoint, "api/projects/p"), new StaticTokenCredential(), options);
        options.MaxResponseContentBufferSize = 10;

        Func<Task> read = () => client.GetAsync("j1");

        (await read.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("ResponseTooLarge");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(int.MaxValue + 1L)]
    public void TheLimit_DefaultsTo64MiB_AndRejectsValuesOutOfRange(long value)
    {
        var jobs = new TrainingJobsClientOptions();
        var fineTuning = new FineTuningClientOptions();
        jobs.MaxResponseContentBufferSize.Should().Be(64L * 1024 * 1024);
        fineTuning.MaxResponseContentBufferSize.Should().Be(64L * 1024 * 1024);

        FluentActions.Invoking(() => jobs.MaxResponseContentBufferSize = value)
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxResponseContentBufferSize");
        FluentActions.Invoking(() => fineTuning.MaxResponseContentBufferSize = value)
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxResponseContentBufferSize");
        jobs.MaxResponseContentBufferSize.Should().Be(64L * 1024 * 1024);
        jobs.MaxResponseContentBufferSize = int.MaxValue;
        jobs.MaxResponseContentBufferSize.Should().Be(int.MaxValue);
    }
}
