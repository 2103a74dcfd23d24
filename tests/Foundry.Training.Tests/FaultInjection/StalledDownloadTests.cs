using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// Downloads whose body stops arriving: the headers and half the body come, then the connection goes silent but stays
/// open. A streamed body is not covered by the request's own timeout, so reading it must still fail once no byte has
/// come for <c>Retry.NetworkTimeout</c>, rather than hang for as long as the connection lives. The server never
/// resumes, so no test depends on how fast this machine is; the outer one-minute bound only turns a hang into a failure.
/// </summary>
public sealed class StalledDownloadTests : IDisposable
{
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromMinutes(1);
    private static readonly string s_content = new('x', 64 * 1024);
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-stall-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    private static FaultClients Clients(FaultyServer server) => new(server.Endpoint, retry => retry.NetworkTimeout = TimeSpan.FromMilliseconds(300));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnArtifactStream_ThatStalls_FailsAfterTheNetworkTimeout(bool async)
    {
        using var server = new FaultyServer(ConnectionFault.StallMidBody(200, s_content));
        FaultClients clients = Clients(server);

        Func<Task> read = () => Task.Run(async () =>
        {
            using Stream content = async
                ? (await clients.Jobs.DownloadArtifactAsync("job-1", TrainingJobsClient.LatestAttempt, "model.bin")).Value
                : clients.Jobs.DownloadArtifact("job-1", TrainingJobsClient.LatestAttempt, "model.bin").Value;
            await ReadToEndAsync(content, async);
        }).WaitAsync(s_hangGuard);

        await read.Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().ContainSingle("a body that stalls after the response arrived is the caller's to retry");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFileContentStream_ThatStalls_FailsAfterTheNetworkTimeout(bool async)
    {
        using var server = new FaultyServer(ConnectionFault.StallMidBody(200, s_content));
        FaultClients clients = Clients(server);

        Func<Task> read = () => Task.Run(async () =>
        {
            using Stream content = async
                ? (await clients.Files.DownloadContentAsync("file-1")).Value
                : clients.Files.DownloadContent("file-1").Value;
            await ReadToEndAsync(content, async);
        }).WaitAsync(s_hangGuard);

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task DownloadingArtifactsToAFolder_WhenOneStalls_FailsAndLeavesNoPartialFile()
    {
        using var script = new FaultyServer(endpoint => new[]
        {
            ConnectionFault.Respond(200, $$"""{"data":[{"path":"model.bin","content_uri":"{{endpoint}}blob/model.bin?sig=s","content_type":"application/octet-stream"}],"has_more":false}"""),
            ConnectionFault.StallMidBody(200, s_content),
        });
        FaultClients clients = Clients(script);

        Func<Task> download = () => clients.Jobs.DownloadArtifactsAsync("job-1", TrainingJobsClient.LatestAttempt, _destination).WaitAsync(s_hangGuard);

        await download.Should().ThrowAsync<OperationCanceledException>();
        Directory.GetFiles(_destination, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    private static async Task ReadToEndAsync(Stream content, bool async)
    {
        byte[] buffer = new byte[8192];
        while ((async ? await content.ReadAsync(buffer) : content.Read(buffer)) > 0)
        {
        }
    }
}
