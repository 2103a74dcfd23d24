namespace Foundry.Training.FineTuning;

/// <summary>Which checkpoint permissions <see cref="FineTuningCheckpointPermissionsClient.GetPermissionsAsync"/> lists.</summary>
public class FineTuningCheckpointPermissionListOptions
{
    /// <summary>Only the permission of this project. (<c>project_id</c>)</summary>
    public string? ProjectId { get; set; }

    /// <summary>The permission id to start after. (<c>after</c>)</summary>
    public string? After { get; set; }

    /// <summary>The page size; the service's default is 10. (<c>limit</c>)</summary>
    public int? Limit { get; set; }

    /// <summary>The order: <c>ascending</c> or <c>descending</c> (the service's default). (<c>order</c>)</summary>
    public string? Order { get; set; }
}
