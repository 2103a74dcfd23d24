namespace Foundry.Training.FineTuning;

/// <summary>Where a cursor-paged fine-tuning list starts and how large its pages are.</summary>
public class FineTuningListOptions
{
    /// <summary>Start after the item with this id (<c>after</c>), as returned by a previous page.</summary>
    public string? After { get; set; }

    /// <summary>
    /// Items per page (<c>limit</c>); the service default when null (20 for jobs and events, 10 for checkpoints).
    /// A page size hint passed to <c>AsPages</c> takes precedence.
    /// </summary>
    public int? Limit { get; set; }
}
