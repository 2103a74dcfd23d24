using System;
using System.Collections.Generic;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Stops paging when a service's <c>has_more</c> would loop forever: a cursor (or next link) that this listing has
/// already followed, whether it repeats at once or comes back after other pages (A, B, A, ...). An empty page does not
/// stop paging by itself: a <c>{value,nextLink}</c> service may send an empty page with a next link, and the cursor
/// shapes already end on an empty page (<see cref="ListPaging.Cursor{T}"/> has no item to continue after).
/// </summary>
internal sealed class PagingGuard
{
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

    /// <param name="start">The continuation token the listing starts from, if any.</param>
    public PagingGuard(string? start)
    {
        if (start is not null)
        {
            _followed.Add(start);
        }
    }

    /// <summary>The token of the page after <paramref name="page"/>, or null when the listing must end.</summary>
    public string? Next<T>(Page<T> page)
        where T : notnull
    {
        string? next = page.ContinuationToken;
        if (next is null || !_followed.Add(next))
        {
            return null;
        }

        return next;
    }
}
