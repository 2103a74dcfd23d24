using System;
using System.Globalization;
using System.Threading;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>Paging glue shared by the fine-tuning clients: the <c>after</c>/<c>limit</c> cursor and one span per page.</summary>
internal static class FineTuningPaging
{
    /// <summary>Applies the cursor to a list request: the continuation token (else the start id) as <c>after</c>, the page size as <c>limit</c>.</summary>
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

    /// <summary>Rejects a page size the services cannot serve.</summary>
    public static void AssertLimit(int? limit, string name)
    {
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(name, limit, "The page size must be at least 1.");
        }
    }

    public static AsyncPageable<T> CreateAsync<T>(string operationName, PageFetcher<T> fetch, CancellationToken cancellationToken)
        where T : notnull =>
        new FetcherAsyncPageable<T>(TracedPageFetcher.Wrap(fetch, operationName, jobName: null), cancellationToken);

    public static Pageable<T> Create<T>(string operationName, PageFetcher<T> fetch, CancellationToken cancellationToken)
        where T : notnull =>
        new FetcherPageable<T>(TracedPageFetcher.Wrap(fetch, operationName, jobName: null), cancellationToken);
}
