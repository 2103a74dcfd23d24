using System.Collections.Generic;
using System.Threading;
using Azure;

namespace Foundry.Training;

/// <summary>A <see cref="Pageable{T}"/> that asks a <see cref="PageFetcher{T}"/> for one page at a time.</summary>
internal sealed class FetcherPageable<T> : Pageable<T>
    where T : notnull
{
    private readonly PageFetcher<T> _fetch;

    public FetcherPageable(PageFetcher<T> fetch, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _fetch = fetch;
    }

    public override IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        string? token = continuationToken;
        var guard = new PagingGuard(continuationToken);
        do
        {
            Page<T> page = _fetch(token, pageSizeHint, async: false, CancellationToken).EnsureCompleted();
            yield return page;
            token = guard.Next(page);
        }
        while (token is not null);
    }
}
