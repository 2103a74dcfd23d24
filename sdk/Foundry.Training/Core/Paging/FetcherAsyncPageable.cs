using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Azure;

namespace Foundry.Training;

/// <summary>An <see cref="AsyncPageable{T}"/> that asks a <see cref="PageFetcher{T}"/> for one page at a time.</summary>
internal sealed class FetcherAsyncPageable<T> : AsyncPageable<T>
    where T : notnull
{
    private readonly PageFetcher<T> _fetch;

    public FetcherAsyncPageable(PageFetcher<T> fetch, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _fetch = fetch;
    }

    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        string? token = continuationToken;
        var guard = new PagingGuard(continuationToken);
        do
        {
            Page<T> page = await _fetch(token, pageSizeHint, async: true, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = guard.Next(page);
        }
        while (token is not null);
    }
}
