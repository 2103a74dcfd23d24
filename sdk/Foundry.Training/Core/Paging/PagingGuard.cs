using System;
using System.Collections.Generic;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Stops paging when a service's <c>has_more</c> would loop forever: an empty page, or a cursor (or next link) that
/// this listing has already followed, whether it repeats at once or comes back after other pages (A, B, A, ...).
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
        if (next is null || page.Values.Count == 0 || !_followed.Add(next))
        {
            return null;
        }

        return next;
    }
}
