using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Stops paging when a service's <c>has_more</c> would loop forever: a cursor (or next link) that this listing has
/// already followed, whether it repeats at once or comes back after other pages (A, B, A, ...), ends the listing; and
/// <see cref="MaxEmptyPagesInARow"/> empty pages in a row that each still point to another page fail it. A few empty
/// pages are followed: a <c>{value,nextLink}</c> service may send an empty page with a next link (the cursor shapes
/// already end on an empty page: <see cref="ListPaging.Cursor{T}"/> has no item to continue after). Every pager of both
/// clients, and the bulk artifact download's listing, pages through one of these.
/// </summary>
internal sealed class PagingGuard
{
    /// <summary>How many empty pages in a row, each with a link to yet another page, are followed before the listing fails.</summary>
    public const int MaxEmptyPagesInARow = 100;

    // Fingerprints rather than the tokens themselves: a service sending megabyte-long links cannot grow this set by
    // more than a few dozen bytes per page.
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private int _emptyInARow;

    /// <param name="start">The continuation token the listing starts from, if any.</param>
    public PagingGuard(string? start)
    {
        if (start is not null)
        {
            _followed.Add(Fingerprint(start));
        }
    }

    /// <summary>The token of the page after <paramref name="page"/>, or null when the listing must end.</summary>
    /// <exception cref="RequestFailedException">The service sent <see cref="MaxEmptyPagesInARow"/> empty pages in a row, each pointing to another page.</exception>
    public string? Next<T>(Page<T> page)
        where T : notnull
    {
        string? next = page.ContinuationToken;
        if (next is null || !_followed.Add(Fingerprint(next)))
        {
            return null;
        }

        _emptyInARow = page.Values.Count == 0 ? _emptyInARow + 1 : 0;
        if (_emptyInARow >= MaxEmptyPagesInARow)
        {
            throw ServiceFailure.Create(
                page.GetRawResponse(),
                string.Format(CultureInfo.InvariantCulture, "The service sent {0} empty pages in a row, each pointing to another page; the listing stops here instead of following them without end.", _emptyInARow),
                "TooManyEmptyPages");
        }

        return next;
    }

    private static string Fingerprint(string token)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(token)));
    }
}
