using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>One page of a list, cut by <see cref="Paging"/>.</summary>
internal sealed class PageSlice<T>
{
    public PageSlice(IReadOnlyList<T> items, bool hasMore, string? firstId, string? lastId)
    {
        Items = items;
        HasMore = hasMore;
        FirstId = firstId;
        LastId = lastId;
    }

    public IReadOnlyList<T> Items { get; }

    public bool HasMore { get; }

    public string? FirstId { get; }

    public string? LastId { get; }
}
