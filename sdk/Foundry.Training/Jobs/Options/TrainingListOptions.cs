namespace Foundry.Training.Jobs;

/// <summary>Paging parameters shared by the Foundry training jobs list operations.</summary>
public class TrainingListOptions
{
    /// <summary>
    /// Items per page, 1 to 100 (the service defaults to 20). A page-size hint passed to
    /// <c>AsPages(continuationToken, pageSizeHint)</c> takes precedence.
    /// </summary>
    public int? Limit { get; set; }

    /// <summary>Sort order by creation time.</summary>
    public ListSortOrder? Order { get; set; }

    /// <summary>Start after this item id (a cursor from a previous page).</summary>
    public string? After { get; set; }

    /// <summary>Stop before this item id.</summary>
    public string? Before { get; set; }
}
