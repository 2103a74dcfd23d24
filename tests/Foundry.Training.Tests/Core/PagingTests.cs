using System.Text.Json.Serialization;
using Azure;
using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core;

public sealed class PagingTests : IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions s_json = ModelSerialization.CreateOptions(new ModelJsonResolver(PagingJsonContext.Default, Array.Empty<IPolymorphicFamily>()));
    private readonly MockService _service = new();
    private readonly ServicePipeline _pipeline;

    public PagingTests()
    {
        _pipeline = ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential("k"), new FineTuningClientOptions());
    }

    public void Dispose() => _service.Dispose();

    private static string Items(params string[] ids) => string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","n":1}"""));

    private void Page(string? after, string body)
    {
        IRequestBuilder request = Request.Create().WithPath("/openai/items").UsingGet();
        request = after is null ? request.WithParam("after", matchBehaviour: WireMock.Matchers.MatchBehaviour.RejectOnMatch) : request.WithParam("after", after);
        _service.Server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
    }

    private HttpMessage CreateRequest(string? after, int? limit)
    {
        HttpMessage message = _pipeline.CreateRequest(RequestMethod.Get, "/items");
        if (after is not null)
        {
            message.Request.Uri.AppendQuery("after", after);
        }

        if (limit is not null)
        {
            message.Request.Uri.AppendQuery("limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return message;
    }

    private AsyncPageable<PagedItem> CursorAsync(Func<PagedItem, string?>? idOf = null) =>
        new FetcherAsyncPageable<PagedItem>(ListPaging.Cursor(_pipeline, CreateRequest, ModelSerialization.GetTypeInfo<PagedItem>(s_json), idOf ?? (i => i.Id)), CancellationToken.None);

    private Pageable<PagedItem> Cursor(Func<PagedItem, string?>? idOf = null) =>
        new FetcherPageable<PagedItem>(ListPaging.Cursor(_pipeline, CreateRequest, ModelSerialization.GetTypeInfo<PagedItem>(s_json), idOf ?? (i => i.Id)), CancellationToken.None);

    [Fact]
    public async Task FoundryShape_FollowsLastIdAcrossPages()
    {
        Page(null, $$"""{"data":[{{Items("a", "b")}}],"first_id":"a","last_id":"b","has_more":true}""");
        Page("b", $$"""{"data":[{{Items("c", "d")}}],"first_id":"c","last_id":"d","has_more":true}""");
        Page("d", $$"""{"data":[{{Items("e")}}],"first_id":"e","last_id":"e","has_more":false}""");

        var ids = new List<string>();
        await foreach (PagedItem item in CursorAsync(idOf: null))
        {
            ids.Add(item.Id!);
        }

        ids.Should().Equal("a", "b", "c", "d", "e");
        _service.Requests.Select(r => r.RequestMessage.Query!.TryGetValue("after", out var v) ? v.Single() : null).Should().Equal(null, "b", "d");
        _service.Requests.Should().OnlyContain(r => r.RequestMessage.Query!["api-version"].Single() == "2024-05-01-preview");
    }

    [Fact]
    public async Task OpenAIShape_UsesTheLastItemIdAsCursor()
    {
        Page(null, $$"""{"object":"list","data":[{{Items("ft-1", "ft-2")}}],"has_more":true}""");
        Page("ft-2", $$"""{"object":"list","data":[{{Items("ft-3")}}],"has_more":false}""");

        var pages = new List<Page<PagedItem>>();
        await foreach (Page<PagedItem> page in CursorAsync().AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => p.Values.Count).Should().Equal(2, 1);
        pages[0].ContinuationToken.Should().Be("ft-2");
        pages[1].ContinuationToken.Should().BeNull();
        pages[0].GetRawResponse().Status.Should().Be(200);
    }

    [Fact]
    public void SyncPageable_PagesTheSameWay()
    {
        Page(null, $$"""{"data":[{{Items("a")}}],"has_more":true}""");
        Page("a", $$"""{"data":[{{Items("b")}}],"has_more":false}""");

        Cursor().Select(i => i.Id).Should().Equal("a", "b");
    }

    [Fact]
    public async Task ResumesFromAContinuationTokenWithAPageSizeHint()
    {
        Page("b", $$"""{"data":[{{Items("c")}}],"has_more":false}""");

        var pages = new List<Page<PagedItem>>();
        await foreach (Page<PagedItem> page in CursorAsync().AsPages(continuationToken: "b", pageSizeHint: 7))
        {
            pages.Add(page);
        }

        pages.Should().ContainSingle().Which.Values.Select(i => i.Id).Should().Equal("c");
        var query = _service.SingleRequest.RequestMessage.Query!;
        query["after"].Should().Equal("b");
        query["limit"].Should().Equal("7");
    }

    [Fact]
    public async Task EmptyFirstPage()
    {
        Page(null, """{"object":"list","data":[],"has_more":false}""");

        var pages = new List<Page<PagedItem>>();
        await foreach (Page<PagedItem> page in CursorAsync().AsPages())
        {
            pages.Add(page);
        }

        pages.Should().ContainSingle().Which.Values.Should().BeEmpty();
    }

    [Fact]
    public async Task FoundryShape_EmptyPageWithNullCursors()
    {
        Page(null, """{"data":[],"first_id":null,"last_id":null,"has_more":false}""");

        var pages = new List<Page<PagedItem>>();
        await foreach (Page<PagedItem> page in CursorAsync().AsPages())
        {
            pages.Add(page);
        }

        Page<PagedItem> only = pages.Should().ContainSingle().Subject;
        only.Values.Should().BeEmpty();
        only.ContinuationToken.Should().BeNull();
        Cursor().Should().BeEmpty();
    }

    [Fact]
    public void FoundryShape_EmptyLastPageEndsTheEnumeration()
    {
        Page(null, $$"""{"data":[{{Items("a")}}],"first_id":"a","last_id":"a","has_more":true}""");
        Page("a", """{"data":[],"first_id":null,"last_id":null,"has_more":false}""");

        List<Page<PagedItem>> pages = Cursor().AsPages().ToList();

        pages.Select(p => p.Values.Count).Should().Equal(1, 0);
        pages[1].ContinuationToken.Should().BeNull();
    }

    [Fact]
    public void ResumingFromATokenOnTheSyncPageable()
    {
        Page("b", $$"""{"data":[{{Items("c")}}],"first_id":"c","last_id":"c","has_more":false}""");

        Page<PagedItem> page = Cursor().AsPages("b", 3).Single();

        page.Values.Single().Id.Should().Be("c");
        var query = _service.SingleRequest.RequestMessage.Query!;
        query["after"].Should().Equal("b");
        query["limit"].Should().Equal("3");
    }

    [Fact]
    public async Task NextLinkShape_EmptyFirstPageWithANextLinkIsFollowed()
    {
        string next = new Uri(_service.Endpoint, "openai/items?skip=0&token=t2").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("token", "t2").UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("z")}}]}"""));
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("token", matchBehaviour: WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[],"nextLink":"{{next}}"}"""));
        var fetch = ListPaging.NextLink(_pipeline, _ => _pipeline.CreateRequest(RequestMethod.Get, "/items"), ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        (await new FetcherAsyncPageable<PagedItem>(fetch, CancellationToken.None).ToListAsync()).Select(i => i.Id).Should().Equal("z");
        _service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task EmptyPageThatClaimsMoreStopsPaging()
    {
        Page(null, """{"data":[],"has_more":true,"last_id":"zzz"}""");

        (await CursorAsync().ToListAsync()).Should().BeEmpty();
        _service.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task CursorThatDoesNotMoveStopsPaging()
    {
        Page(null, $$"""{"data":[{{Items("a")}}],"has_more":true,"last_id":"a"}""");
        Page("a", $$"""{"data":[{{Items("a")}}],"has_more":true,"last_id":"a"}""");

        (await CursorAsync().ToListAsync()).Should().HaveCount(2);
        _service.Requests.Should().HaveCount(2);
    }

    /// <summary>A cursor that comes back after other pages (A, B, A, ...) used to page forever.</summary>
    [Fact]
    public async Task CursorThatCyclesStopsPaging()
    {
        Page(null, $$"""{"data":[{{Items("a")}}],"has_more":true,"last_id":"a"}""");
        Page("a", $$"""{"data":[{{Items("b")}}],"has_more":true,"last_id":"b"}""");
        Page("b", $$"""{"data":[{{Items("c")}}],"has_more":true,"last_id":"a"}""");
        using var hangBreaker = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // fails a regression instead of hanging the run
        var pageable = new FetcherAsyncPageable<PagedItem>(ListPaging.Cursor(_pipeline, CreateRequest, ModelSerialization.GetTypeInfo<PagedItem>(s_json), i => i.Id), hangBreaker.Token);

        (await pageable.ToListAsync()).Select(i => i.Id).Should().Equal("a", "b", "c");
        _service.Requests.Should().HaveCount(3);
    }

    [Fact]
    public void NextLinkThatCyclesStopsPaging()
    {
        string first = new Uri(_service.Endpoint, "openai/items?page=1").AbsoluteUri;
        string second = new Uri(_service.Endpoint, "openai/items?page=2").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("page", "1").UsingGet()).RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("b")}}],"nextLink":"{{second}}"}"""));
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("page", "2").UsingGet()).RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("c")}}],"nextLink":"{{first}}"}"""));
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("page", matchBehaviour: WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("a")}}],"nextLink":"{{first}}"}"""));
        using var hangBreaker = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var fetch = ListPaging.NextLink(_pipeline, _ => _pipeline.CreateRequest(RequestMethod.Get, "/items"), ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        new FetcherPageable<PagedItem>(fetch, hangBreaker.Token).Select(i => i.Id).Should().Equal("a", "b", "c");
        _service.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task NextLinkShape_FollowsNextLinkAndAddsApiVersion()
    {
        string next = new Uri(_service.Endpoint, "openai/items?skip=2").AbsoluteUri;
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("skip", "2").UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("c")}}]}"""));
        _service.Server.Given(Request.Create().WithPath("/openai/items").WithParam("skip", matchBehaviour: WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"value":[{{Items("a", "b")}}],"nextLink":"{{next}}"}"""));

        var fetch = ListPaging.NextLink(_pipeline, _ => _pipeline.CreateRequest(RequestMethod.Get, "/items"), ModelSerialization.GetTypeInfo<PagedItem>(s_json));
        var pages = new List<Page<PagedItem>>();
        await foreach (Page<PagedItem> page in new FetcherAsyncPageable<PagedItem>(fetch, CancellationToken.None).AsPages())
        {
            pages.Add(page);
        }

        pages.SelectMany(p => p.Values).Select(i => i.Id).Should().Equal("a", "b", "c");
        pages[0].ContinuationToken.Should().Be(next);
        _service.Requests[1].RequestMessage.Query!["api-version"].Should().Equal("2024-05-01-preview");

        // Resume from the next link alone.
        var resumed = new FetcherPageable<PagedItem>(fetch, CancellationToken.None).AsPages(next).ToList();
        resumed.Should().ContainSingle().Which.Values.Single().Id.Should().Be("c");
    }

    [Fact]
    public async Task NextLinkShape_EmptyPage()
    {
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody("""{"value":[],"nextLink":null}"""));
        var fetch = ListPaging.NextLink(_pipeline, _ => _pipeline.CreateRequest(RequestMethod.Get, "/items"), ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        (await new FetcherAsyncPageable<PagedItem>(fetch, CancellationToken.None).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task MalformedPageIsARequestFailedException()
    {
        Page(null, """{"data":{"not":"an array"},"has_more":false}""");

        Func<Task> list = async () => await CursorAsync().ToListAsync();

        (await list.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidResponseBody");
    }

    [Fact]
    public async Task ErrorOnASecondPageSurfacesAfterTheFirstPageWasYielded()
    {
        Page(null, $$"""{"data":[{{Items("a")}}],"has_more":true}""");
        _service.Server.Given(Request.Create().WithParam("after", "a")).RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"error":{"code":"Gone","message":"cursor expired"}}"""));

        var seen = new List<string>();
        Func<Task> list = async () =>
        {
            await foreach (PagedItem item in CursorAsync())
            {
                seen.Add(item.Id!);
            }
        };

        (await list.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("Gone");
        seen.Should().Equal("a");
    }

    [Fact]
    public void PageContent_ReadsAllEnvelopeFields()
    {
        var content = PageContent<PagedItem>.Parse(
            """{"object":"list","data":[{"id":"x"}],"first_id":"x","last_id":"x","has_more":true,"nextLink":"https://n","extra":[1]}"""u8,
            ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        content.Items.Single().Id.Should().Be("x");
        content.FirstId.Should().Be("x");
        content.LastId.Should().Be("x");
        content.HasMore.Should().BeTrue();
        content.NextLink.Should().Be("https://n");
    }

    /// <summary>An id that is not a string used to leave the reader inside it, so the items after it were silently lost.</summary>
    [Theory]
    [InlineData("""{"last_id":{"a":1},"data":[{"id":"x"}],"has_more":false}""")]
    [InlineData("""{"first_id":["a",{"b":2}],"data":[{"id":"x"}]}""")]
    public void AnIdOfTheWrongTypeIsSkippedWhole_AndTheItemsAfterItAreRead(string json)
    {
        var content = PageContent<PagedItem>.Parse(System.Text.Encoding.UTF8.GetBytes(json), ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        content.Items.Should().ContainSingle().Which.Id.Should().Be("x");
        content.LastId.Should().BeNull();
    }

    /// <summary>A has_more or nextLink that cannot be read would end the listing early without a word: it is malformed.</summary>
    [Theory]
    [InlineData("""{"data":[{"id":"x"}],"has_more":"true"}""")]
    [InlineData("""{"data":[{"id":"x"}],"has_more":1}""")]
    [InlineData("""{"data":[{"id":"x"}],"has_more":{"value":true}}""")]
    [InlineData("""{"value":[{"id":"x"}],"nextLink":{"href":"https://n"}}""")]
    [InlineData("""{"value":[{"id":"x"}],"nextLink":7}""")]
    [InlineData("""{"data":[{"id":"x"}],"has_more":false} {"data":[]}""")]
    public void AnUnreadableContinuationOrTrailingContent_IsAJsonException(string json)
    {
        Action parse = () => PageContent<PagedItem>.Parse(System.Text.Encoding.UTF8.GetBytes(json), ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        parse.Should().Throw<System.Text.Json.JsonException>();
    }

    [Fact]
    public void ANullHasMoreOrNextLinkMeansNoMorePages()
    {
        var content = PageContent<PagedItem>.Parse("""{"data":[{"id":"x"}],"has_more":null,"nextLink":null}"""u8, ModelSerialization.GetTypeInfo<PagedItem>(s_json));

        content.HasMore.Should().BeFalse();
        content.NextLink.Should().BeNull();
    }
}

public sealed class PagedItem : ExtensibleModel
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

[JsonSerializable(typeof(PagedItem))]
internal sealed partial class PagingJsonContext : JsonSerializerContext
{
}

internal static class AsyncEnumerableTestExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (T item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
