namespace Foundry.Training.Samples;

/// <summary>
/// Where RewardRecipes trains and what with. Without a project endpoint it runs against the embedded emulator, which
/// accepts any model, dataset, deployment and compute reference; against your project, use your own assets.
/// </summary>
public sealed record RewardRecipesSettings
{
    private const string DefaultJudge = "gpt-4.1-mini";

    /// <summary>Your Foundry project (<c>FOUNDRY_PROJECT_ENDPOINT</c>); null runs against the embedded emulator.</summary>
    public Uri? ProjectEndpoint { get; init; }

    /// <summary>The compute to train on (<c>FOUNDRY_COMPUTE_ID</c>); required with a project endpoint.</summary>
    public string? ComputeId { get; init; }

    /// <summary>The model deployment that judges the answers (<c>FOUNDRY_JUDGE_DEPLOYMENT</c>).</summary>
    public string JudgeDeployment { get; init; } = DefaultJudge;

    public string BaseModel { get; init; } = "azureai://registries/azureml/models/Qwen2.5-1.5B-Instruct/versions/1";

    /// <summary>Math word problems with a reference answer per prompt.</summary>
    public string TrainingData { get; init; } = "azureai://accounts/my-account/projects/my-project/data/math-word-problems/versions/1";

    public static RewardRecipesSettings FromEnvironment() => new()
    {
        ProjectEndpoint = Environment.GetEnvironmentVariable("FOUNDRY_PROJECT_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        ComputeId = Environment.GetEnvironmentVariable("FOUNDRY_COMPUTE_ID"),
        JudgeDeployment = Environment.GetEnvironmentVariable("FOUNDRY_JUDGE_DEPLOYMENT") is { Length: > 0 } judge ? judge : DefaultJudge,
    };
}
