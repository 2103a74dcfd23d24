using System.Globalization;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Jobs;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Parallel downloads against storage that breaks the range protocol: it ignores <c>Range</c>, answers another range
/// than asked, disagrees with itself, or sends less than asked. The file is right or the download fails naming it
/// (<c>InvalidRangeResponse</c>) and leaves nothing.
/// </summary>
public sealed class RangeHostileTests : JobsTestBase
{
    private const string ContentInfos = "/api/projects/proj/training_jobs/job-1/attempts/latest/artifacts/content_info_by_prefix";
    private static readonly byte[] s_content = HostileResponses.Content(10_000);
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-range-dl-" + Guid.NewGuid().ToString("N"));

    protected override void Cleanup()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    private TrainingJobsClient RangedClient()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        options.Transfers.PartSize = 2048;
        options.Transfers.MaximumConcurrency = 3;
        return new TrainingJobsClient(new Uri(Service.Endpoint, "api/projects/proj"), Credential, options);
    }

    /// <summary>Lists one artifact whose blob answers through <paramref name="answer"/> (given the request's range, or null).</summary>
    private void Serve(Func<(long Start, long End)?, ResponseMessage> answer)
    {
        Service.Server.Given(Request.Create().WithPath(ContentInfos).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"data":[{"path":"model.bin","content_uri":"{{Service.Endpoint}}blob/model.bin?sig=SECRET"}],"has_more":false}"""));
        Service.Server.Given(Request.Create().WithPath("/blob/model.bin").UsingGet())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                string? range = request.Headers?.TryGetValue("Range", out WireMockList<string>? values) == true ? values[0] : null;
                return answer(range is null ? null : Parse(range));
            }));
    }

    private static (long Start, long End) Parse(string range)
    {
        string[] bounds = range["bytes=".Length..].Split('-');
        long start = long.Parse(bounds[0], CultureInfo.InvariantCulture);
        long end = bounds[1].Length == 0 ? s_content.Length - 1 : long.Parse(bounds[1], CultureInfo.InvariantCulture);
        return (start, Math.Min(end, s_content.Length - 1));
    }

    private static ResponseMessage Answer(int status, byte[] body, params (string Name, string Value)[] headers)
    {
        var message = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes } };
        message.AddHeader("Content-Type", "application/octet-stream");
        foreach ((string name, string value) in headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    private static ResponseMessage Partial(long start, long end, long? claimedStart = null, long? claimedEnd = null) =>
        Answer(206, s_content[(int)start..(int)(end + 1)], ("Content-Range", $"bytes {claimedStart ?? start}-{claimedEnd ?? end}/{s_content.Length}"), ("ETag", "\"v1\""));

    private IEnumerable<string?> RangesAsked => Service.Requests.Where(r => r.RequestMessage.AbsolutePath == "/blob/model.bin")
        .Select(r => r.RequestMessage.Headers!.TryGetValue("Range", out WireMockList<string>? v) ? v[0] : null);

    private string[] FilesUnder() => Directory.Exists(_destination) ? Directory.GetFiles(_destination, "*", SearchOption.AllDirectories) : Array.Empty<string>();

    private async Task<RequestFailedException> FailsAsync()
    {
        Func<Task> download = () => RangedClient().DownloadArtifactsAsync("job-1", "latest", _destination);
        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Message.Should().Contain("'model.bin'").And.NotContain("SECRET");
        FilesUnder().Should().BeEmpty();
        return ex;
    }

    [Fact]
    public async Task ServerThatIgnoresRange_SendsTheWholeFileOnce_AndItIsKept()
    {
        Serve(_ => Answer(200, s_content));

        IReadOnlyList<DownloadedArtifact> files = await RangedClient().DownloadArtifactsAsync("job-1", "latest", _destination);

        (await File.ReadAllBytesAsync(files.Single().LocalPath)).Should().Equal(s_content);
        RangesAsked.Should().Equal("bytes=0-2047");
    }

    [Fact]
    public async Task PartialAnswerStartingElsewhere_FailsWithInvalidRangeResponse()
    {
        Serve(range => range is (long start, long end) ? Partial(start + 100, end) : Answer(200, s_content));

        (await FailsAsync()).ErrorCode.Should().Be("InvalidRangeResponse");
    }

    [Fact]
    public async Task ContentRangeThatDisagreesWithTheBody_FailsWithInvalidRangeResponse()
    {
        Serve(range => range is (long start, long end) ? Partial(start, end, claimedEnd: end + 10) : Answer(200, s_content));

        (await FailsAsync()).ErrorCode.Should().Be("InvalidRangeResponse");
    }

    [Fact]
    public async Task LaterPartAnsweredWithTheWholeFile_FailsWithInvalidRangeResponse()
    {
        Serve(range => range is (0, long end) ? Partial(0, end) : Answer(200, s_content));

        (await FailsAsync()).ErrorCode.Should().Be("InvalidRangeResponse");
    }

    [Fact]
    public async Task ShortRanges_AreCompletedWithFurtherRequests()
    {
        Serve(range => range is (long start, long end) ? Partial(start, Math.Min(end, start + 299)) : Answer(200, s_content));

        IReadOnlyList<DownloadedArtifact> files = await RangedClient().DownloadArtifactsAsync("job-1", "latest", _destination);

        (await File.ReadAllBytesAsync(files.Single().LocalPath)).Should().Equal(s_content);
        int perPart(int part) => (Math.Min(2048, s_content.Length - (part * 2048)) + 299) / 300;
        RangesAsked.Should().HaveCount(Enumerable.Range(0, 5).Sum(perPart)).And.Contain("bytes=300-2047", "the rest of the first part is asked for");
    }

    [Fact]
    public async Task NewVersionDespiteIfMatch_IsTreatedAsAChange_AndFailsAfterRestarts()
    {
        int answers = 0;
        Serve(range =>
        {
            (long start, long end) = range!.Value;
            ResponseMessage message = Answer(206, s_content[(int)start..(int)(end + 1)], ("Content-Range", $"bytes {start}-{end}/{s_content.Length}"), ("ETag", $"\"v{Interlocked.Increment(ref answers)}\""));
            return message;
        });

        (await FailsAsync()).ErrorCode.Should().Be("ArtifactChanged");
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task StorageEchoingTheSasUrlInItsError_DoesNotPutTheSignatureInTheException(int status)
    {
        Serve(_ =>
        {
            // A hostile (or chatty) storage error that repeats the request's URL, signature included.
            byte[] body = System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><AuthenticationErrorDetail>Signature did not match for {Service.Endpoint}blob/model.bin?sig=SECRET</AuthenticationErrorDetail></Error>");
            ResponseMessage answer = Answer(status, body);
            answer.AddHeader("x-ms-error-code", "AuthenticationFailed");
            return answer;
        });

        RequestFailedException error = (await FluentActions.Awaiting(() => RangedClient().DownloadArtifactsAsync("job-1", "latest", _destination))
            .Should().ThrowAsync<RequestFailedException>()).Which;

        error.Status.Should().Be(status);
        error.ToString().Should().NotContain("SECRET").And.Contain("REDACTED");
        (error.GetRawResponse()?.Content.ToString() ?? string.Empty).Should().NotContain("SECRET");
        RangesAsked.Should().NotBeEmpty();
    }
}
