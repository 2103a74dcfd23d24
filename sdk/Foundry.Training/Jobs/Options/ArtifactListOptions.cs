namespace Foundry.Training.Jobs;

/// <summary>Paging and a path prefix for the artifact list operations.</summary>
public class ArtifactListOptions : TrainingListOptions
{
    /// <summary>Only artifacts under this path prefix (for example <c>outputs/checkpoints/</c>).</summary>
    public string? PathPrefix { get; set; }
}
