using System.Web;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using static Foundry.Training.Tests.Hostile.HostileService;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Pagers against services whose links lie: empty pages that each point to a new page are followed a while (a
/// <c>{value,nextLink}</c> service may send a few) but end after <see cref="PagingGuard.MaxEmptyPagesInARow"/> in a row
/// with a <see cref="RequestFailedException"/>; a next link that is not http(s) is a malformed page; relative links
/// stay on the service; a caller's continuation token that cannot be one is an <see cref="ArgumentException"/>.
/// </summary>
public sealed class PagingHostileTests
{
    private const string JobsPath = "/openai/ingestion/jobs";

    private readonly HostileService _service = new();

    /// <summary>Serves ingestion job pages: <paramref name="items"/> gives the item ids of page n (0-based) and whether another page follows.</summary>
    private void ServePages(Func<int, (string[] Items, bool More)> items, string? path = null)
    {
        _service.Handler.Respond = request =>
        {
            int page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            (string[] ids, bool more) = items(page);
            string value = string.Join(",", ids.Select(id => $$"""{"jobId":"{{id}}","kind":"SystemCompute","runId":"{{id}}"}"""));
            string next = more ? $",\"nextLink\":\"{OpenAIEndpoint}{path ?? JobsPath}?page={page + 1}\"" : string.Empty;
            return Json(200, $$"""{"value":[{{value}}]{{next}}}""", ("apim-request-id", "req-" + page));
        };
    }

    private IEnumerable<string> ReadAll(bool async, string? jobId = null)
    {
        if (jobId is null)
        {
            return async ? _service.Ingestion.GetJobsAsync().ToBlockingEnumerable().Select(j => j.JobId!) : _service.Ingestion.GetJobs().Select(j => j.JobId!);
        }

        return async ? _service.Ingestion.GetRunsAsync(jobId).ToBlockingEnumerable().Select(r => r.RunId!) : _service.Ingestion.GetRuns(jobId).Select(r => r.RunId!);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, null)]
    [InlineData(true, "job-1")]
    [InlineData(false, "job-1")]
    public void EndlessEmptyPagesWithNewLinks_EndAfterTheBoundWithRequestFailedException(bool async, string? jobId)
    {
        ServePages(page => (Array.Empty<string>(), page < 300), jobId is null ? null : JobsPath + "/" + jobId + "/runs");

        Action read = () => ReadAll(async, jobId).ToList();

        RequestFailedException ex = read.Should().Throw<RequestFailedException>().Which;
        ex.ErrorCode.Should().Be("TooManyEmptyPages");
        ex.Status.Should().Be(200);
        ex.Message.Should().Contain("100 empty pages in a row").And.Contain("req-99");
        _service.Handler.Requests.Should().HaveCount(PagingGuard.MaxEmptyPagesInARow);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EmptyPagesBetweenItems_AreFollowed_TheBoundCountsOnlyARow(bool async)
    {
        // 99 empty pages, an item, 99 empty pages, an item, the end.
        ServePages(page => page switch
        {
            99 => (new[] { "a" }, true),
            199 => (new[] { "b" }, false),
            _ => (Array.Empty<string>(), true),
        });

        ReadAll(async).Should().Equal("a", "b");
        _service.Handler.Requests.Should().HaveCount(200);
    }

    [Theory]
    [InlineData("ftp://storage.example/jobs?page=2&sig=SECRET", true)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("javascript:alert(1)", true)]
    [InlineData("gopher://storage.example/jobs", false)]
    public void ANextLinkThatIsNotHttp_IsAMalformedPage(string nextLink, bool async)
    {
        _service.Handler.Respond = _ => Json(200, $$"""{"value":[{"jobId":"a","kind":"SystemCompute"}],"nextLink":"{{nextLink}}"}""");

        Action read = () => ReadAll(async).ToList();

        RequestFailedException ex = read.Should().Throw<RequestFailedException>().Which;
        ex.ErrorCode.Should().Be("InvalidResponseBody");
        ex.Message.Should().Contain("nextLink").And.NotContain("SECRET").And.NotContain("storage.example");
        _service.Handler.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ARelativeNextLink_StaysOnTheServiceWithItsCredential(bool async)
    {
        var apiKeys = new List<string?>();
        _service.Handler.Respond = request =>
        {
            apiKeys.Add(request.Headers.TryGetValues("api-key", out IEnumerable<string>? values) ? values.Single() : null);
            return request.RequestUri!.Query.Contains("page=2", StringComparison.Ordinal)
                ? Json(200, """{"value":[{"jobId":"b","kind":"SystemCompute"}]}""")
                : Json(200, """{"value":[{"jobId":"a","kind":"SystemCompute"}],"nextLink":"/openai/ingestion/jobs?page=2"}""");
        };

        ReadAll(async).Should().Equal("a", "b");

        _service.RequestLines.Should().Equal(
            "GET /openai/ingestion/jobs?api-version=2024-05-01-preview",
            "GET /openai/ingestion/jobs?page=2&api-version=2024-05-01-preview");
        _service.Handler.Requests.Should().OnlyContain(r => r.Uri.Host == new Uri(OpenAIEndpoint).Host);
        apiKeys.Should().Equal("key", "key");
    }

    [Theory]
    [InlineData("ftp://storage.example/jobs?page=2", true)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("   ", true)]
    public void ACallersContinuationTokenThatIsNoLink_IsAnArgumentException(string token, bool async)
    {
        Action read = async
            ? () => _service.Ingestion.GetJobsAsync().AsPages(token).ToBlockingEnumerable().ToList()
            : () => _service.Ingestion.GetJobs().AsPages(token).ToList();

        read.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        _service.Handler.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACallersMetricPointTokenThatIsNoStep_IsAnArgumentException(bool async)
    {
        Action read = async
            ? () => _service.Jobs.GetMetricPointsAsync("job-1", "1", "loss").AsPages("step-7").ToBlockingEnumerable().ToList()
            : () => _service.Jobs.GetMetricPoints("job-1", "1", "loss").AsPages("step-7").ToList();

        read.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        _service.Handler.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AMetricPointAtTheLastStep_EndsTheListingInsteadOfWrappingAround(bool async)
    {
        _service.Handler.Respond = _ => Json(200, $$$"""{"data":[{"step":{{{long.MaxValue}}},"data":{"value":1}}],"has_more":true}""");

        List<JobMetricPoint> points = async
            ? _service.Jobs.GetMetricPointsAsync("job-1", "1", "loss").ToBlockingEnumerable().ToList()
            : _service.Jobs.GetMetricPoints("job-1", "1", "loss").ToList();

        points.Single().Step.Should().Be(long.MaxValue);
        _service.Handler.Requests.Should().ContainSingle("there is no step after the last one");
    }

    [Fact]
    public void TheGuard_RecognisesAHugeTokenItHasFollowed()
    {
        string huge = new('n', 4 << 20);
        var guard = new PagingGuard(start: null);
        Page<string> page = Page<string>.FromValues(new[] { "x" }, huge, new StubResponse());

        guard.Next(page).Should().BeSameAs(huge);
        guard.Next(Page<string>.FromValues(new[] { "y" }, huge[..^1] + "m", new StubResponse())).Should().NotBeNull("another token");
        guard.Next(page).Should().BeNull("the same token again is a loop");
    }
}
