namespace Foundry.Training.Samples;

/// <summary>
/// Where QuickStart trains and what with. Without a project endpoint it runs against the embedded emulator, which
/// accepts any model, dataset and compute reference; against your project, replace them with your own assets.
/// </summary>
public sealed record QuickStartSettings
{
    /// <summary>Your Foundry project (<c>FOUNDRY_PROJECT_ENDPOINT</c>); null runs against the embedded emulator.</summary>
    public Uri? ProjectEndpoint { get; init; }

    /// <summary>The compute to train on (<c>FOUNDRY_COMPUTE_ID</c>); required with a project endpoint.</summary>
    public string? ComputeId { get; init; }

    public string BaseModel { get; init; } = "azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/1";

    public string TrainingData { get; init; } = "azureai://accounts/my-account/projects/my-project/data/support-chats-train/versions/1";

    public string ValidationData { get; init; } = "azureai://accounts/my-account/projects/my-project/data/support-chats-eval/versions/1";

    /// <summary>The trained model's files are downloaded below this folder, one subfolder per job.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "quickstart-output");

    public static QuickStartSettings FromEnvironment() => new()
    {
        ProjectEndpoint = Environment.GetEnvironmentVariable("FOUNDRY_PROJECT_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        ComputeId = Environment.GetEnvironmentVariable("FOUNDRY_COMPUTE_ID"),
    };
}
