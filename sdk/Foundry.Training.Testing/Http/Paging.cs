using System;
using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>Cuts pages from ordered lists with the <c>after</c>/<c>before</c> cursors and a <c>limit</c>.</summary>
internal static class Paging
{
    /// <summary>The whole list as one page.</summary>
    public static PageSlice<T> All<T>(IReadOnlyList<T> items, Func<T, string> idOf) =>
        new(items, false, items.Count > 0 ? idOf(items[0]) : null, items.Count > 0 ? idOf(items[items.Count - 1]) : null);

    /// <summary>
    /// The items after <paramref name="after"/> (exclusive) and before <paramref name="before"/> (exclusive), at most
    /// <paramref name="limit"/> of them. An unknown cursor id matches nothing, so the page is empty.
    /// </summary>
    public static PageSlice<T> Cut<T>(IReadOnlyList<T> ordered, Func<T, string> idOf, string? after, string? before, int limit)
    {
        int start = 0;
        if (after is not null)
        {
            int index = IndexOf(ordered, idOf, after);
            start = index < 0 ? ordered.Count : index + 1;
        }

        int end = ordered.Count;
        if (before is not null)
        {
            int index = IndexOf(ordered, idOf, before);
            end = index < 0 ? 0 : index;
        }

        var items = new List<T>();
        for (int i = start; i < end && items.Count < limit; i++)
        {
            items.Add(ordered[i]);
        }

        bool hasMore = start + items.Count < end;
        return new PageSlice<T>(
            items,
            hasMore,
            items.Count > 0 ? idOf(items[0]) : null,
            items.Count > 0 ? idOf(items[items.Count - 1]) : null);
    }

    /// <summary>Reads <c>limit</c>: the default when absent, null when it is not an integer in 1..<paramref name="maximum"/>.</summary>
    public static int? ReadLimit(string? value, int defaultLimit, int maximum)
    {
        if (value is null)
        {
            return defaultLimit;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit) && limit >= 1 && limit <= maximum ? limit : null;
    }

    private static int IndexOf<T>(IReadOnlyList<T> ordered, Func<T, string> idOf, string id)
    {
        for (int i = 0; i < ordered.Count; i++)
        {
            if (string.Equals(idOf(ordered[i]), id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
