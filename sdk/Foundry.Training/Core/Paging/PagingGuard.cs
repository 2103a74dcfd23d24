using Azure;

namespace Foundry.Training;

/// <summary>Stops paging when a service's <c>has_more</c> would loop forever: an empty page, or a cursor that does not move.</summary>
internal static class PagingGuard
{
    public static string? Next<T>(string? previousToken, Page<T> page)
        where T : notnull
    {
        string? next = page.ContinuationToken;
        if (next is null || page.Values.Count == 0 || next == previousToken)
        {
            return null;
        }

        return next;
    }
}
