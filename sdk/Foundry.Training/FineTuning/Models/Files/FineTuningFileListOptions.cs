namespace Foundry.Training.FineTuning;

/// <summary>Which files to list.</summary>
public class FineTuningFileListOptions
{
    /// <summary>Only files with this purpose (<c>purpose</c>).</summary>
    public FilePurpose? Purpose { get; set; }

    /// <summary>Files per page (<c>limit</c>, OpenAI platform: 1 to 10,000); a page size hint passed to <c>AsPages</c> takes precedence.</summary>
    public int? Limit { get; set; }

    /// <summary>Sort order by creation time (<c>order</c>, OpenAI platform).</summary>
    public ListSortOrder? Order { get; set; }

    /// <summary>Start after the file with this id (<c>after</c>, OpenAI platform).</summary>
    public string? After { get; set; }
}
