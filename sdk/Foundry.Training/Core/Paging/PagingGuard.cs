using Azure;

namespace Foundry.Training;

/// <summary>
/// Stops paging when a continuation token does not move (a service whose <c>has_more</c> or next link would loop
/// forever). An empty page does not stop paging by itself: a <c>{value,nextLink}</c> service may send an empty page
/// with a next link, and the cursor shapes already end on an empty page (<see cref="ListPaging.Cursor{T}"/> has no
/// item to continue after).
/// </summary>
internal static class PagingGuard
{
    public static string? Next<T>(string? previousToken, Page<T> page)
        where T : notnull
    {
        string? next = page.ContinuationToken;
        if (next is null || next == previousToken)
        {
            return null;
        }

        return next;
    }
}
