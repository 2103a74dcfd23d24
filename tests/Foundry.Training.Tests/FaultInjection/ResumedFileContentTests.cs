using System.Text;
using Azure;
using Foundry.Training.Tests.FaultInjection.Infrastructure;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// <c>FineTuningFilesClient.DownloadContent</c> over a connection cut mid-body: resumed from the last byte with a range
/// request under <c>If-Match</c> when the server advertised ranges and an <c>ETag</c>; read as it comes (the cut
/// surfaces as an <see cref="IOException"/>) when it did not; a server that ignores the resumption's range is refused.
/// </summary>
public sealed class ResumedFileContentTests
{
    private const string Content = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A 200 promising the whole of <see cref="Content"/> that sends its first <paramref name="sent"/> bytes and closes.</summary>
    private static ConnectionFault CutWhole(int sent, bool advertiseRanges = true) =>
        ConnectionFault.Raw(Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + Content.Length + "\r\n" +
            (advertiseRanges ? "Accept-Ranges: bytes\r\nETag: \"v1\"\r\n" : string.Empty) +
            "Connection: close\r\n\r\n" + Content[..sent]));

    private static ConnectionFault Rest(int from) =>
        ConnectionFault.Respond(206, Content[from..], ("Content-Range", $"bytes {from}-{Content.Length - 1}/{Content.Length}"), ("ETag", "\"v1\""), ("Accept-Ranges", "bytes"));

    private static async Task<string> ReadAllAsync(Stream stream, bool async)
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

        return Encoding.ASCII.GetString(copy.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CutBody_IsResumedWithARangeFromTheLastByte_UnderIfMatch(bool async)
    {
        using var server = new FaultyServer(CutWhole(10), Rest(10));
        var clients = new FaultClients(server.Endpoint);

        using Stream stream = async ? (await clients.Files.DownloadContentAsync("file-1")).Value : clients.Files.DownloadContent("file-1").Value;
        string read = await ReadAllAsync(stream, async);

        read.Should().Be(Content);
        server.Requests.Should().HaveCount(2);
        server.Requests[0].Should().StartWith("GET /openai/files/file-1/content?api-version=").And.NotContain("Range:");
        server.Requests[1].Should().StartWith("GET /openai/files/file-1/content?api-version=")
            .And.Contain("Range: bytes=10-\r\n")
            .And.Contain("If-Match: \"v1\"\r\n")
            .And.Contain("api-key:", "the resumption is authenticated like the first request");
    }

    [Fact]
    public async Task CutBody_FromAServerThatAdvertisesNoRanges_FailsAsTheConnectionDid()
    {
        using var server = new FaultyServer(CutWhole(10, advertiseRanges: false), Rest(10));
        var clients = new FaultClients(server.Endpoint);

        using Stream stream = (await clients.Files.DownloadContentAsync("file-1")).Value;
        Func<Task> read = () => ReadAllAsync(stream, async: true);

        await read.Should().ThrowAsync<IOException>();
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Resumption_ThatTheServerAnswersWithTheWholeFile_FailsWithInvalidRangeResponse()
    {
        using var server = new FaultyServer(CutWhole(10), ConnectionFault.Respond(200, Content, ("ETag", "\"v1\""), ("Accept-Ranges", "bytes")));
        var clients = new FaultClients(server.Endpoint);

        using Stream stream = (await clients.Files.DownloadContentAsync("file-1")).Value;
        Func<Task> read = () => ReadAllAsync(stream, async: true);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("InvalidRangeResponse");
        ex.Message.Should().Contain("'file-1'");
    }

    [Fact]
    public async Task Resumption_OfAFileThatChanged_FailsWithFileChanged()
    {
        using var server = new FaultyServer(CutWhole(10), ConnectionFault.Respond(412, """{"error":{"code":"ConditionNotMet","message":"changed"}}"""));
        var clients = new FaultClients(server.Endpoint);

        using Stream stream = (await clients.Files.DownloadContentAsync("file-1")).Value;
        Func<Task> read = () => ReadAllAsync(stream, async: true);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("FileChanged");
        ex.Message.Should().Contain("'file-1'").And.Contain("byte 10");
    }
}
