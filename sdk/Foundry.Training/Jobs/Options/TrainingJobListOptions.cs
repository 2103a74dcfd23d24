namespace Foundry.Training.Jobs;

/// <summary>Filters and paging for <c>TrainingJobsClient.GetJobs</c>.</summary>
public class TrainingJobListOptions : TrainingListOptions
{
    /// <summary>Only jobs of this type (for example <see cref="JobType.Command"/>).</summary>
    public JobType? JobType { get; set; }

    /// <summary>Only jobs with this tag, as <c>key=value</c> (for example <c>framework=pytorch</c>).</summary>
    public string? Tag { get; set; }

    /// <summary>Active, archived or all jobs.</summary>
    public ListViewType? ListViewType { get; set; }

    /// <summary>Comma-separated user property names, optionally with values: <c>prop1,prop2=value2</c>.</summary>
    public string? Properties { get; set; }
}
