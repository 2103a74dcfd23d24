using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using System.Text.Json.Serialization.Metadata;
using Azure.Core;

namespace Foundry.Training;

/// <summary>Page fetchers for the two paging styles the services use: an <c>after</c> cursor and a <c>nextLink</c> URL.</summary>
internal static class ListPaging
{
    /// <summary>
    /// Cursor paging (<c>{data, has_more[, last_id]}</c>). The continuation token is the id to pass as <c>after</c>:
    /// the page's <c>last_id</c> when the service sends one, else the id of its last item.
    /// </summary>
    /// <param name="pipeline">Sends requests and maps errors.</param>
    /// <param name="createRequest">Creates the request for a cursor (<c>after</c>) and a page size (<c>limit</c>).</param>
    /// <param name="itemType">Metadata of the item type.</param>
    /// <param name="idOf">The cursor id of an item, for envelopes without <c>last_id</c>; null when items have no id.</param>
    /// <param name="useLastId">False when the cursor is not an id (metric points page by step), so <c>last_id</c> is ignored.</param>
    public static PageFetcher<T> Cursor<T>(ServicePipeline pipeline, Func<string?, int?, HttpMessage> createRequest, JsonTypeInfo<T> itemType, Func<T, string?>? idOf, bool useLastId = true)
        where T : notnull =>
        async (token, pageSizeHint, async, cancellationToken) =>
        {
            using HttpMessage message = createRequest(token, pageSizeHint);
            Response response = await pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            PageContent<T> content = pipeline.ReadPage(response, itemType);
            string? next = null;
            if (content.HasMore && content.Items.Count > 0)
            {
                next = (useLastId ? content.LastId : null) ?? idOf?.Invoke(content.Items[content.Items.Count - 1]);
            }

            return Page<T>.FromValues(content.Items, next, response);
        };

    /// <summary>
    /// <c>{value, nextLink}</c> paging. The continuation token is the next link itself; a next link that is not an http
    /// or https URL is a malformed page (<c>InvalidResponseBody</c>), and a caller's token that is not one is refused.
    /// </summary>
    /// <param name="pipeline">Sends requests and maps errors.</param>
    /// <param name="createFirstRequest">Creates the request for the first page and a page size.</param>
    /// <param name="itemType">Metadata of the item type.</param>
    /// <param name="prepareNextLinkRequest">Adds what a next link cannot carry (per-call headers) to the request for a later page.</param>
    public static PageFetcher<T> NextLink<T>(ServicePipeline pipeline, Func<int?, HttpMessage> createFirstRequest, JsonTypeInfo<T> itemType, Action<HttpMessage>? prepareNextLinkRequest = null)
        where T : notnull =>
        async (token, pageSizeHint, async, cancellationToken) =>
        {
            // The links of pages read here were checked below: only a caller's continuation token can fail this check.
            if (token is not null && ServiceUrl.Resolve(pipeline.Endpoint, token) is null)
            {
                throw new ArgumentException("The continuation token is not a next link of this list.", "continuationToken");
            }

            using HttpMessage message = token is null ? createFirstRequest(pageSizeHint) : CreateNextLinkRequest(pipeline, token, prepareNextLinkRequest);
            Response response = await pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            PageContent<T> content = pipeline.ReadPage(response, itemType);
            string? next = string.IsNullOrEmpty(content.NextLink) ? null : content.NextLink;
            if (next is not null && ServiceUrl.Resolve(pipeline.Endpoint, next) is null)
            {
                throw ServiceFailure.Create(response, $"Service returned status {response.Status} with a list page whose nextLink is not an http or https URL; it was not followed.", "InvalidResponseBody");
            }

            return Page<T>.FromValues(content.Items, next, response);
        };

    /// <summary>A list route without paging parameters: one page, never a continuation.</summary>
    public static PageFetcher<T> SinglePage<T>(ServicePipeline pipeline, Func<HttpMessage> createRequest, JsonTypeInfo<T> itemType)
        where T : notnull =>
        async (token, pageSizeHint, async, cancellationToken) =>
        {
            using HttpMessage message = createRequest();
            Response response = await pipeline.SendAsync(message, async, cancellationToken).ConfigureAwait(false);
            return Page<T>.FromValues(pipeline.ReadPage(response, itemType).Items, null, response);
        };

    /// <summary>The pages of a list operation, each fetch in its own span named after <paramref name="operation"/>.</summary>
    public static AsyncPageable<T> AsyncPages<T>(ServiceOperation operation, PageFetcher<T> fetch, string? jobName, CancellationToken cancellationToken)
        where T : notnull =>
        new FetcherAsyncPageable<T>(TracedPageFetcher.Wrap(fetch, operation.Name, jobName), cancellationToken);

    /// <inheritdoc cref="AsyncPages"/>
    public static Pageable<T> Pages<T>(ServiceOperation operation, PageFetcher<T> fetch, string? jobName, CancellationToken cancellationToken)
        where T : notnull =>
        new FetcherPageable<T>(TracedPageFetcher.Wrap(fetch, operation.Name, jobName), cancellationToken);

    /// <summary>Applies an <c>after</c>/<c>limit</c> cursor to a list request.</summary>
    public static void AppendCursor(HttpMessage message, string? after, int? limit)
    {
        if (after is not null)
        {
            message.Request.Uri.AppendQuery("after", after);
        }

        if (limit is not null)
        {
            message.Request.Uri.AppendQuery("limit", limit.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Rejects a page size no service can serve.</summary>
    public static void AssertLimit(int? limit, string name)
    {
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(name, limit, "The page size must be at least 1.");
        }
    }

    private static HttpMessage CreateNextLinkRequest(ServicePipeline pipeline, string nextLink, Action<HttpMessage>? prepare)
    {
        HttpMessage message = pipeline.CreateNextLinkRequest(nextLink);
        prepare?.Invoke(message);
        return message;
    }
}
