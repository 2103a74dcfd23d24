using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>A model deployment used as an LLM judge (<c>kind</c> <c>deployment</c>).</summary>
public sealed class TrainingDeploymentRewardConfiguration : TrainingRewardConfiguration
{
    /// <summary>Creates a deployment reward.</summary>
    /// <param name="deployment">The model deployment name or resource reference used as the judge.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="deployment"/> is null.</exception>
    public TrainingDeploymentRewardConfiguration(string deployment)
    {
        Argument.AssertNotNull(deployment, nameof(deployment));
        Deployment = deployment;
    }

    [JsonConstructor]
    internal TrainingDeploymentRewardConfiguration()
    {
        Deployment = null!;
    }

    /// <summary>The model deployment name or resource reference used as the judge. Required.</summary>
    [JsonPropertyName("deployment")]
    public string Deployment { get; set; }

    /// <summary>The rubric or scoring instruction for the judge deployment.</summary>
    [JsonPropertyName("rubric")]
    public string? Rubric { get; set; }

    internal override void CollectProblems(ValidationCollector problems, string path)
    {
        problems.RequireText(Deployment, ValidationCollector.Property(path, "deployment"));
    }

    private protected override TrainingRewardKind? KindValue => TrainingRewardKind.Deployment;
}
